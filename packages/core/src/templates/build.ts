import { CURRENT_SCHEMA_VERSION, type Journey, type RecordKind } from '@trailmap/schema';
import { keysAfter } from '../ordering';
import type { CardSpec, TemplateSpec } from './spec';

/**
 * Gives the id of a record built from a spec. `key` is the record's local key; `isShared` is
 * false for keys the builder made up (positional card keys), which must never be matched with
 * another map's record of the same position.
 */
export type TemplateIdSource = (kind: RecordKind, key: string, isShared: boolean) => string;

export interface BuildOptions {
  ids: TemplateIdSource;
  /** `YYYY-MM-DD`; deadlines and evidence dates are placed relative to it. */
  today: string;
  title?: string;
}

/** Adds whole days to a calendar date; pure date arithmetic, no clock. */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) throw new Error(`not a date: ${date}`);
  return new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}

const orderedKeys = (count: number) => (count === 0 ? [] : keysAfter(null, count));

/** Turns a template spec into a journey document. Throws plain Errors on a broken spec (a bug). */
export function buildFromSpec(spec: TemplateSpec, options: BuildOptions): Journey {
  const { ids, today } = options;
  const keyIds = new Map<string, string>();
  const idOf = (kind: RecordKind, key: string, isShared = true) => {
    const memo = `${kind}|${key}`;
    let id = keyIds.get(memo);
    if (id === undefined) {
      id = ids(kind, key, isShared);
      keyIds.set(memo, id);
    }
    return id;
  };
  const existing = (kind: RecordKind, key: string) => {
    const id = keyIds.get(`${kind}|${key}`);
    if (id === undefined) throw new Error(`template ${spec.id}: unknown ${kind} key "${key}"`);
    return id;
  };

  const evidence = (spec.evidence ?? []).map((item) => ({
    id: idOf('evidence', item.key),
    source: item.source,
    ...(item.title === undefined ? {} : { title: item.title }),
    ...(item.quote === undefined ? {} : { quote: item.quote }),
    ...(item.url === undefined ? {} : { url: item.url }),
    ...(item.daysAgo === undefined ? {} : { date: addDays(today, -item.daysAgo) }),
    confidence: item.confidence,
    ...(item.query === undefined ? {} : { query: item.query }),
  }));
  const evidenceIds = (keys: string[] | undefined) => (keys ?? []).map((key) => existing('evidence', key));

  const persona = spec.persona;
  const personas = persona
    ? [
        {
          id: idOf('persona', persona.key),
          name: persona.name,
          ...pick(persona, ['role', 'avatar', 'quote', 'description']),
          goals: persona.goals ?? [],
          needs: persona.needs ?? [],
          frustrations: persona.frustrations ?? [],
          context: persona.context ?? {},
        },
      ]
    : [];

  const stageKeys = orderedKeys(spec.stages.length);
  const stages = spec.stages.map((stage, i) => ({
    id: idOf('stage', stage.key),
    index: stageKeys[i]!,
    name: stage.name,
    ...pick(stage, ['goal', 'description', 'duration']),
  }));
  const steps = spec.stages.flatMap((stage) => {
    const keys = orderedKeys(stage.steps?.length ?? 0);
    return (stage.steps ?? []).map((step, i) => ({
      id: idOf('step', step.key),
      stageId: existing('stage', stage.key),
      index: keys[i]!,
      name: step.name,
      ...pick(step, ['description']),
    }));
  });

  const laneKeys = orderedKeys(spec.lanes.length);
  const lanes = spec.lanes.map((lane, i) => ({
    id: idOf('lane', lane.key),
    index: laneKeys[i]!,
    kind: lane.kind,
    label: lane.label,
    ...pick(lane, ['lineAbove']),
  }));

  const cards = Object.entries(spec.cells ?? {}).flatMap(([laneKey, cells]) =>
    Object.entries(cells).flatMap(([stageKey, list]) => {
      const keys = orderedKeys(list.length);
      return list.map((entry, n) => {
        const card: CardSpec = typeof entry === 'string' ? { text: entry } : entry;
        const id =
          card.key === undefined
            ? idOf('card', `${laneKey}-${stageKey}-${n + 1}`, false)
            : idOf('card', card.key);
        return {
          id,
          laneId: existing('lane', laneKey),
          stageId: existing('stage', stageKey),
          ...(card.step === undefined ? {} : { stepId: existing('step', card.step) }),
          index: keys[n]!,
          text: card.text,
          ...pick(card, ['color', 'priority', 'owner', 'channel']),
          tags: card.tags ?? [],
          evidenceIds: evidenceIds(card.evidence),
        };
      });
    }),
  );

  const emotions = (spec.emotions ?? []).map((point) => ({
    id: idOf('emotion', point.step === undefined ? point.stage : `${point.stage}-${point.step}`),
    stageId: existing('stage', point.stage),
    ...(point.step === undefined ? {} : { stepId: existing('step', point.step) }),
    score: point.score,
    ...pick(point, ['emoji', 'note']),
    evidenceIds: evidenceIds(point.evidence),
  }));

  const connections = (spec.connections ?? []).map((link) => ({
    id: idOf('connection', `${link.from}-${link.to}`),
    fromCardId: existing('card', link.from),
    toCardId: existing('card', link.to),
    kind: link.kind,
    ...pick(link, ['label']),
  }));

  const opportunityKeys = orderedKeys(spec.opportunities?.length ?? 0);
  const opportunities = (spec.opportunities ?? []).map((item, i) => ({
    id: idOf('opportunity', item.key),
    stageId: existing('stage', item.stage),
    index: opportunityKeys[i]!,
    title: item.title,
    ...pick(item, ['description', 'owner', 'kpi', 'baseline', 'target', 'budget']),
    problemCardIds: item.answers.map((key) => existing('card', key)),
    ...(item.deadlineInDays === undefined ? {} : { deadline: addDays(today, item.deadlineInDays) }),
    status: item.status ?? 'idea',
    votes: item.votes ?? 0,
    tags: item.tags ?? [],
    evidenceIds: evidenceIds(item.evidence),
  }));

  const metricBindings = (spec.bindings ?? []).map((binding) => ({
    id: idOf('metricBinding', binding.step ?? binding.stage),
    targetId: binding.step === undefined ? existing('stage', binding.stage) : existing('step', binding.step),
    ...pick(binding, ['dataset']),
    rule: { activities: binding.activities },
  }));

  const { review } = spec.map;
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    map: {
      id: idOf('map', spec.map.key),
      title: options.title ?? spec.map.title,
      type: spec.map.type,
      ...pick(spec.map, ['description', 'scenario']),
      expectations: spec.map.expectations ?? [],
      ...(personas[0] ? { personaId: personas[0].id } : {}),
      tags: spec.map.tags ?? [],
      ...(review
        ? {
            review: {
              cadence: review.cadence,
              ...(review.inDays === undefined ? {} : { nextReviewDate: addDays(today, review.inDays) }),
            },
          }
        : {}),
    },
    personas,
    stages,
    steps,
    lanes,
    cards,
    emotions,
    connections,
    opportunities,
    evidence,
    metricBindings,
  };
}

/** Copies the listed optional fields that are set, so built records carry no `undefined` keys. */
function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
