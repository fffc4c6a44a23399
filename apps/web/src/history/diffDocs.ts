import { COLLECTIONS, type Journey } from '@trailmap/schema';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface DocDiff {
  /** Record id → what happened to it going from `before` to `after`. */
  changes: Map<string, ChangeKind>;
  counts: Record<ChangeKind, number>;
}

const stable = (value: unknown) =>
  JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

/** Which records were added, removed or changed between two versions of a map (by id). */
export function diffDocs(before: Journey, after: Journey): DocDiff {
  const changes = new Map<string, ChangeKind>();
  for (const collection of COLLECTIONS) {
    const old = new Map((before[collection] as { id: string }[]).map((record) => [record.id, record]));
    const next = new Map((after[collection] as { id: string }[]).map((record) => [record.id, record]));
    for (const [id, record] of next) {
      const previous = old.get(id);
      if (!previous) changes.set(id, 'added');
      else if (stable(previous) !== stable(record)) changes.set(id, 'changed');
    }
    for (const id of old.keys()) if (!next.has(id)) changes.set(id, 'removed');
  }
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const kind of changes.values()) counts[kind] += 1;
  return { changes, counts };
}

/** Emotion scores by stage name, so two maps with different ids can be overlaid. */
export function emotionByStageName(doc: Journey): Map<string, number> {
  const names = new Map(doc.stages.map((stage) => [stage.id, stage.name]));
  const scores = new Map<string, number>();
  for (const point of doc.emotions) {
    const name = names.get(point.stageId);
    if (name && !point.stepId) scores.set(name, point.score);
  }
  return scores;
}

/**
 * Differences between two different maps (e.g. current and future state), where ids do not
 * correspond: stages match by name, lanes by label, cards by stage name + lane label + text,
 * opportunities by title. Unmatched records of `before` are removed, of `after` added.
 */
export function diffByContent(before: Journey, after: Journey): DocDiff {
  const keys = (doc: Journey) => {
    const stage = new Map(doc.stages.map((record) => [record.id, record.name]));
    const lane = new Map(doc.lanes.map((record) => [record.id, record.label]));
    const entries: [string, string][] = [
      ...doc.stages.map((record): [string, string] => [record.id, `stage|${record.name}`]),
      ...doc.lanes.map((record): [string, string] => [record.id, `lane|${record.label}`]),
      ...doc.cards.map((record): [string, string] => [
        record.id,
        `card|${stage.get(record.stageId)}|${lane.get(record.laneId)}|${record.text.trim()}`,
      ]),
      ...doc.opportunities.map((record): [string, string] => [record.id, `opp|${record.title}`]),
    ];
    return entries;
  };
  const beforeKeys = keys(before);
  const afterKeys = keys(after);
  const beforeSet = new Set(beforeKeys.map(([, key]) => key));
  const afterSet = new Set(afterKeys.map(([, key]) => key));
  const changes = new Map<string, ChangeKind>();
  for (const [id, key] of beforeKeys) if (!afterSet.has(key)) changes.set(id, 'removed');
  for (const [id, key] of afterKeys) if (!beforeSet.has(key)) changes.set(id, 'added');
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const kind of changes.values()) counts[kind] += 1;
  return { changes, counts };
}
