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
