import type { Journey } from '@trailmap/schema';
import { emotionAt, orderedLanes, orderedStages, persona, stepsOf } from '../selectors';
import { sortByIndex } from '../ordering';
import { cardsOfStage, stageScore } from './grid';
import { escapeMarkdown as md, escapeParagraph, scoreEmoji, signed, table } from './markdownText';

const MAP_TYPE_NAMES: Record<Journey['map']['type'], string> = {
  'current-state': 'Current state',
  'future-state': 'Future state',
  'day-in-the-life': 'Day in the life',
  'service-blueprint': 'Service blueprint',
  'experience-map': 'Experience map',
};

const list = (items: string[]) => items.map((item) => `- ${md(item)}`);

/**
 * A readable Markdown report of a map: title and type, persona, scenario and expectations, one
 * table per lane with the stages as columns, the emotion curve with highs and lows, pain points,
 * opportunities with their action plan, and the evidence. All user text is escaped, so Markdown
 * or HTML typed into a card shows as text.
 * @example
 * writeFileSync('report.md', toMarkdown(doc));
 */
export function toMarkdown(doc: Journey): string {
  const out: string[] = [`# ${md(doc.map.title)}`, ''];
  const facts = [`**Map type:** ${MAP_TYPE_NAMES[doc.map.type]}`];
  if (doc.map.tags.length > 0) facts.push(`**Tags:** ${doc.map.tags.map((tag) => md(tag)).join(', ')}`);
  if (doc.map.review && doc.map.review.cadence !== 'none') {
    const next = doc.map.review.nextReviewDate ? `, next on ${doc.map.review.nextReviewDate}` : '';
    facts.push(`**Review:** ${doc.map.review.cadence}${next}`);
  }
  if (doc.map.compare) {
    facts.push(
      `**Compared with:** ${md(doc.map.compare.title ?? doc.map.compare.mapId)} (${doc.map.compare.relation})`,
    );
  }
  out.push(facts.join(' · '), '');
  if (doc.map.description) out.push(escapeParagraph(doc.map.description), '');
  out.push(...personaSection(doc), ...contextSection(doc), ...gridSection(doc), ...emotionSection(doc));
  out.push(...painSection(doc), ...opportunitySection(doc), ...evidenceSection(doc));
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

function personaSection(doc: Journey): string[] {
  const who = persona(doc) ?? doc.personas[0];
  if (!who) return [];
  const out = [`## Persona: ${md(who.name)}${who.role ? ` — ${md(who.role)}` : ''}`, ''];
  if (who.quote) out.push(`> “${md(who.quote)}”`, '');
  if (who.description) out.push(escapeParagraph(who.description), '');
  for (const [heading, items] of [
    ['Goals', who.goals],
    ['Needs', who.needs],
    ['Frustrations', who.frustrations],
  ] as const) {
    if (items.length > 0) out.push(`**${heading}**`, '', ...list(items), '');
  }
  const context = Object.entries(who.context);
  if (context.length > 0) {
    out.push('**Context**', '', ...context.map(([key, value]) => `- *${md(key)}:* ${md(value)}`), '');
  }
  return out;
}

function contextSection(doc: Journey): string[] {
  const out: string[] = [];
  if (doc.map.scenario) out.push('## Scenario', '', escapeParagraph(doc.map.scenario), '');
  if (doc.map.expectations.length > 0) out.push('## Expectations', '', ...list(doc.map.expectations), '');
  const stages = orderedStages(doc);
  if (stages.length > 0) {
    const duration = (stage: (typeof stages)[number]) => {
      const d = stage.duration;
      if (!d) return '';
      return `${d.min}${d.max !== undefined && d.max !== d.min ? `–${d.max}` : ''} ${d.unit}`;
    };
    out.push('## Stages', '');
    out.push(
      ...table(
        ['Stage', 'Goal', 'Duration', 'Steps'],
        stages.map((stage) => [
          stage.name,
          stage.goal ?? '',
          duration(stage),
          stepsOf(doc, stage.id)
            .map((step) => step.name)
            .join(', '),
        ]),
      ),
      '',
    );
  }
  return out;
}

function gridSection(doc: Journey): string[] {
  const stages = orderedStages(doc);
  const lanes = orderedLanes(doc);
  if (stages.length === 0 || lanes.length === 0) return [];
  const out = ['## Journey', ''];
  for (const lane of lanes) {
    out.push(`### ${md(lane.label)}`, '');
    if (lane.lineAbove) out.push(`*Line of ${lane.lineAbove.replace('-', ' ')} above this lane.*`, '');
    const row = stages.map((stage) => {
      if (lane.kind === 'emotions') {
        const score = stageScore(doc, stage.id);
        const own = doc.emotions.find((point) => point.stageId === stage.id && point.stepId === undefined);
        const cards = cardsOfStage(doc, lane.id, stage.id).map((card) => card.text);
        const head = score === undefined ? '' : `${own?.emoji ?? scoreEmoji(score)} ${signed(score)}`;
        return [head, ...cards].filter(Boolean).join('\n');
      }
      return cardsOfStage(doc, lane.id, stage.id)
        .map((card) => {
          const facts = [card.priority, card.channel].filter(Boolean);
          return `• ${card.text}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
        })
        .join('\n');
    });
    out.push(
      ...table(
        stages.map((stage) => stage.name),
        [row],
      ),
      '',
    );
  }
  return out;
}

function emotionSection(doc: Journey): string[] {
  const scored = orderedStages(doc).flatMap((stage) => {
    const score = stageScore(doc, stage.id);
    if (score === undefined) return [];
    const own = doc.emotions.find((point) => point.stageId === stage.id && point.stepId === undefined);
    return [{ stage, score, emoji: own?.emoji ?? scoreEmoji(score), note: own?.note ?? '' }];
  });
  if (scored.length === 0) return [];
  const out = ['## Emotion curve', ''];
  out.push(
    ...table(
      ['Stage', 'Score', 'Feeling', 'Note'],
      scored.flatMap((item) => [
        [item.stage.name, signed(item.score), item.emoji, item.note],
        // a stage scored step by step lists its steps under it
        ...stepsOf(doc, item.stage.id).flatMap((step) => {
          const point = emotionAt(doc, item.stage.id, step.id);
          if (!point) return [];
          return [
            [`↳ ${step.name}`, signed(point.score), point.emoji ?? scoreEmoji(point.score), point.note ?? ''],
          ];
        }),
      ]),
    ),
    '',
  );
  const high = Math.max(...scored.map((item) => item.score));
  const low = Math.min(...scored.map((item) => item.score));
  const names = (score: number) =>
    scored
      .filter((item) => item.score === score)
      .map((item) => md(item.stage.name))
      .join(', ');
  out.push(`- **Highest:** ${names(high)} (${signed(high)})`, `- **Lowest:** ${names(low)} (${signed(low)})`);
  const average = scored.reduce((sum, item) => sum + item.score, 0) / scored.length;
  out.push(`- **Average:** ${signed(Math.round(average * 100) / 100)}`, '');
  return out;
}

function painSection(doc: Journey): string[] {
  const painLanes = new Set(doc.lanes.filter((lane) => lane.kind === 'pain-points').map((lane) => lane.id));
  const stageName = new Map(doc.stages.map((stage) => [stage.id, stage.name]));
  const stageRank = new Map(orderedStages(doc).map((stage, rank) => [stage.id, rank]));
  const pains = sortByIndex(doc.cards.filter((card) => painLanes.has(card.laneId))).sort(
    (a, b) => (stageRank.get(a.stageId) ?? 0) - (stageRank.get(b.stageId) ?? 0),
  );
  if (pains.length === 0) return [];
  return [
    '## Pain points',
    '',
    ...pains.map((card) => {
      const facts = [
        stageName.get(card.stageId) ?? '',
        card.priority ?? '',
        card.owner ? `owner: ${card.owner}` : '',
      ]
        .filter(Boolean)
        .map((fact) => md(fact));
      return `- **${md(card.text)}** — ${facts.join(' · ')}`;
    }),
    '',
  ];
}

function opportunitySection(doc: Journey): string[] {
  if (doc.opportunities.length === 0) return [];
  const stageName = new Map(doc.stages.map((stage) => [stage.id, stage.name]));
  const cardText = new Map(doc.cards.map((card) => [card.id, card.text]));
  const ranked = sortByIndex(doc.opportunities).sort((a, b) => b.votes - a.votes);
  return [
    '## Opportunities',
    '',
    ...table(
      [
        'Opportunity',
        'Stage',
        'Answers',
        'Owner',
        'KPI',
        'Baseline → target',
        'Deadline',
        'Budget',
        'Status',
        'Votes',
      ],
      ranked.map((item) => [
        item.title,
        stageName.get(item.stageId) ?? '',
        item.problemCardIds.map((id) => cardText.get(id) ?? id).join('\n'),
        item.owner ?? '',
        item.kpi ?? '',
        item.baseline || item.target ? `${item.baseline ?? '?'} → ${item.target ?? '?'}` : '',
        item.deadline ?? '',
        item.budget ? `${item.budget.amount.toLocaleString('en-US')} ${item.budget.currency}` : '',
        item.status,
        String(item.votes),
      ]),
    ),
    '',
  ];
}

function evidenceSection(doc: Journey): string[] {
  const live = doc.evidence.filter((item) => item.deletedAt === undefined);
  if (live.length === 0) return [];
  return [
    '## Evidence',
    '',
    ...live.map((item) => {
      const when = [item.date, `${item.confidence} confidence`].filter(Boolean).join(', ');
      const quote = item.quote ? ` — “${md(item.quote)}”` : '';
      const url = item.url ? ` (${md(item.url)})` : '';
      return `- **${item.source}:** ${md(item.title ?? 'untitled')}${quote}${url} *(${when})*`;
    }),
    '',
  ];
}
