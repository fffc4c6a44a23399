import { stableJson } from './fields';
import type { EmotionChange, FieldChange, JourneyDiff, DiffLocation, RecordChange } from './types';

const SINGULAR: Record<RecordChange['collection'], string> = {
  personas: 'persona',
  stages: 'stage',
  steps: 'step',
  lanes: 'lane',
  cards: 'card',
  connections: 'connection',
  opportunities: 'opportunity',
  evidence: 'evidence',
  metricBindings: 'metric binding',
};

/** The field holding what people call each record; a change there reads as a rename. */
const NAME_FIELDS = new Set(['name', 'label', 'text', 'title']);

const ANSI = { added: '32', removed: '31', edited: '33', moved: '36', emotion: '35', header: '1' } as const;

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const quote = (text: string) => `"${clip(text.replace(/\s+/g, ' ').trim())}"`;
const value = (change: FieldChange, side: 'before' | 'after') =>
  side in change
    ? typeof change[side] === 'string'
      ? quote(change[side] as string)
      : clip(stableJson(change[side]))
    : '(none)';
/** For lists of strings (tags, goals, evidence links): what was added and removed, not both lists. */
function listChange(change: FieldChange): string | undefined {
  const isTextList = (list: unknown): list is string[] =>
    Array.isArray(list) && list.every((item) => typeof item === 'string');
  const before = change.before ?? [];
  const after = change.after ?? [];
  if (!isTextList(before) || !isTextList(after)) return undefined;
  const parts = [
    ...after.filter((item) => !before.includes(item)).map((item) => `+ ${quote(item)}`),
    ...before.filter((item) => !after.includes(item)).map((item) => `- ${quote(item)}`),
  ];
  return parts.length > 0 ? parts.join(', ') : 'reordered';
}
const signed = (score: number | undefined) =>
  score === undefined ? '(none)' : score > 0 ? `+${score}` : String(score);

/** `Actions × Purchase / Pay`, or just the stage for records placed in a stage only. */
export function describeLocation(location: DiffLocation | undefined): string {
  if (!location) return '';
  const stage = [location.stage, location.step].filter(Boolean).join(' / ');
  return location.lane === undefined ? stage : `${location.lane} × ${stage}`;
}

function recordLines(change: RecordChange): [keyof typeof ANSI, string][] {
  const noun = `${SINGULAR[change.collection]} ${quote(change.label)}`;
  const oldNoun = `${SINGULAR[change.collection]} ${quote(change.labelBefore ?? change.label)}`;
  const where = describeLocation(change.location);
  switch (change.change) {
    case 'added':
      return [
        ['added', `+ ${SINGULAR[change.collection]} ${quote(change.label)}${where ? ` in ${where}` : ''}`],
      ];
    case 'removed':
      return [['removed', `- ${noun}${where ? ` from ${where}` : ''}`]];
    case 'moved': {
      const from = describeLocation(change.from);
      const to = describeLocation(change.to);
      if (change.reordered) return [['moved', `> ${noun} reordered${to ? ` in ${to}` : ''}`]];
      return [['moved', `> ${noun} moved from ${from || '(nowhere)'} to ${to || '(nowhere)'}`]];
    }
    case 'edited':
      return (change.fields ?? []).map((field) =>
        NAME_FIELDS.has(field.field) && typeof field.after === 'string'
          ? ['edited', `~ ${oldNoun} renamed to ${quote(field.after)}`]
          : [
              'edited',
              `~ ${noun}: ${field.field} ${listChange(field) ?? `${value(field, 'before')} → ${value(field, 'after')}`}`,
            ],
      );
  }
}

const emotionLine = (change: EmotionChange) => {
  const where = change.step ? `${change.stage} / ${change.step}` : change.stage;
  const emoji = (score: string, mark?: string) => (mark ? `${score} ${mark}` : score);
  return `emotion ${where}: ${emoji(signed(change.before), change.emojiBefore)} → ${emoji(signed(change.after), change.emojiAfter)}`;
};

/**
 * A diff for people, one change per line: `+ card "…" in Actions × Purchase`,
 * `~ stage "Awareness" renamed to "Discover"`, `> card "…" moved from … to …`,
 * `emotion Checkout: -1 → +1`. Empty diffs print `no differences`.
 * @param options.color - wrap lines in ANSI colours for terminals (default false)
 */
export function formatDiff(diff: JourneyDiff, options: { color?: boolean } = {}): string {
  const paint = (kind: keyof typeof ANSI, line: string) =>
    options.color ? `\u001b[${ANSI[kind]}m${line}\u001b[0m` : line;
  const lines: string[] = [
    paint('header', `--- ${quote(diff.before.title)} (${diff.before.mapId})`),
    paint('header', `+++ ${quote(diff.after.title)} (${diff.after.mapId})`),
  ];
  const body: string[] = [];
  for (const field of diff.map) {
    body.push(
      paint(
        'edited',
        `~ map ${field.field}: ${listChange(field) ?? `${value(field, 'before')} → ${value(field, 'after')}`}`,
      ),
    );
  }
  for (const change of diff.changes)
    for (const [kind, line] of recordLines(change)) body.push(paint(kind, line));
  for (const change of diff.emotions) body.push(paint('emotion', emotionLine(change)));
  if (body.length === 0) body.push('no differences');
  return [...lines, ...body].join('\n') + '\n';
}
