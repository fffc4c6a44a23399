import type { CollectionName, Journey, JourneyMap, RecordOf } from '@trailmap/schema';

/**
 * The smallest changes a command can make to a document. Commands return ops instead of a new
 * document so that the same change can be applied to a plain object (CLI, HTTP) or replayed as a
 * Yjs transaction (live editing) without the two ever drifting apart.
 */
export type Op =
  | { op: 'put'; collection: CollectionName; record: RecordOf<CollectionName> }
  | { op: 'patch'; collection: CollectionName; id: string; changes: Record<string, unknown> }
  | { op: 'remove'; collection: CollectionName; id: string }
  | { op: 'patchMap'; changes: Partial<Record<keyof JourneyMap, unknown>> };

export const put = <C extends CollectionName>(collection: C, record: RecordOf<C>): Op => ({
  op: 'put',
  collection,
  record,
});
/** Sets fields of a record; a field whose value is `undefined` is removed. */
export const patch = (collection: CollectionName, id: string, changes: Record<string, unknown>): Op => ({
  op: 'patch',
  collection,
  id,
  changes,
});
export const remove = (collection: CollectionName, id: string): Op => ({ op: 'remove', collection, id });
export const patchMap = (changes: Partial<Record<keyof JourneyMap, unknown>>): Op => ({
  op: 'patchMap',
  changes,
});

const withChanges = <T extends object>(record: T, changes: Record<string, unknown>): T => {
  const next: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
};

/** Applies ops to a document without mutating it. Unknown ids in patch/remove are ignored. */
export function applyOps(doc: Journey, ops: readonly Op[]): Journey {
  let next: Journey = doc;
  const touched = new Set<CollectionName>();
  const ensureCopy = (collection: CollectionName) => {
    if (touched.has(collection)) return next[collection] as RecordOf<CollectionName>[];
    touched.add(collection);
    const copy = [...next[collection]] as RecordOf<CollectionName>[];
    next = { ...next, [collection]: copy };
    return copy;
  };
  for (const op of ops) {
    if (op.op === 'patchMap') {
      next = { ...next, map: withChanges(next.map, op.changes) };
      continue;
    }
    const records = ensureCopy(op.collection);
    const id = op.op === 'put' ? op.record.id : op.id;
    const position = records.findIndex((record) => record.id === id);
    if (op.op === 'put') {
      if (position === -1) records.push(op.record);
      else records[position] = op.record;
    } else if (position !== -1) {
      if (op.op === 'remove') records.splice(position, 1);
      else records[position] = withChanges(records[position]!, op.changes);
    }
  }
  return next;
}
