import {
  CHANGE_KINDS,
  DIFF_COLLECTIONS,
  type ChangeKind,
  type DiffCollection,
  type JourneyDiff,
} from './types';

export interface DiffSummary {
  isEmpty: boolean;
  /** Every counted change: map fields, record changes and emotion changes. */
  total: number;
  mapFields: number;
  emotions: number;
  added: number;
  removed: number;
  moved: number;
  edited: number;
  /** Counts per collection that has changes, in document order. */
  byCollection: Partial<Record<DiffCollection, Record<ChangeKind, number>>>;
}

/** Counts of a diff, for badges, version-history lists and `--json` summaries. */
export function summarizeDiff(diff: JourneyDiff): DiffSummary {
  const totals: Record<ChangeKind, number> = { removed: 0, added: 0, moved: 0, edited: 0 };
  const byCollection: DiffSummary['byCollection'] = {};
  for (const collection of DIFF_COLLECTIONS) {
    const changes = diff.changes.filter((change) => change.collection === collection);
    if (changes.length === 0) continue;
    const counts = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<ChangeKind, number>;
    for (const change of changes) {
      counts[change.change] += 1;
      totals[change.change] += 1;
    }
    byCollection[collection] = counts;
  }
  const total = diff.map.length + diff.changes.length + diff.emotions.length;
  return {
    isEmpty: total === 0,
    total,
    mapFields: diff.map.length,
    emotions: diff.emotions.length,
    ...totals,
    byCollection,
  };
}
