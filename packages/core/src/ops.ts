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

/** A collection being edited: a copy of its records, with positions found once by id. */
class WorkingCollection {
  private records: (RecordOf<CollectionName> | undefined)[];
  private positions: Map<string, number> | undefined;
  private hasHoles = false;

  constructor(original: readonly RecordOf<CollectionName>[]) {
    this.records = [...original];
  }

  private lookups = 0;

  /** A few lookups scan the array (one edit per keystroke); many build an index once (cascades). */
  private position(id: string): number | undefined {
    if (!this.positions && (this.lookups += 1) > 8) {
      this.positions = new Map();
      this.records.forEach((record, i) => record && this.positions!.set(record.id, i));
    }
    if (this.positions) return this.positions.get(id);
    const at = this.records.findIndex((record) => record?.id === id);
    return at === -1 ? undefined : at;
  }

  put(record: RecordOf<CollectionName>) {
    const at = this.position(record.id);
    if (at === undefined) {
      this.positions?.set(record.id, this.records.length);
      this.records.push(record);
    } else this.records[at] = record;
  }

  patch(id: string, changes: Record<string, unknown>) {
    const at = this.position(id);
    if (at !== undefined) this.records[at] = withChanges(this.records[at]!, changes);
  }

  remove(id: string) {
    const at = this.position(id);
    if (at === undefined) return;
    // Leave a hole instead of splicing: removing k of n records stays O(n), not O(k·n).
    this.records[at] = undefined;
    this.positions?.delete(id);
    this.hasHoles = true;
  }

  result(): RecordOf<CollectionName>[] {
    if (!this.hasHoles) return this.records as RecordOf<CollectionName>[];
    return this.records.filter((record): record is RecordOf<CollectionName> => record !== undefined);
  }
}

/**
 * Applies ops to a document without mutating it. Unknown ids in patch/remove are ignored; a put
 * of a new id appends, a put of an existing id replaces in place. Untouched collections are shared
 * with the input.
 */
export function applyOps(doc: Journey, ops: readonly Op[]): Journey {
  let map = doc.map;
  const working = new Map<CollectionName, WorkingCollection>();
  const collection = (name: CollectionName) => {
    let found = working.get(name);
    if (!found) {
      found = new WorkingCollection(doc[name] as RecordOf<CollectionName>[]);
      working.set(name, found);
    }
    return found;
  };
  for (const op of ops) {
    if (op.op === 'patchMap') map = withChanges(map, op.changes);
    else if (op.op === 'put') collection(op.collection).put(op.record);
    else if (op.op === 'patch') collection(op.collection).patch(op.id, op.changes);
    else collection(op.collection).remove(op.id);
  }
  if (map === doc.map && working.size === 0) return doc;
  const next = { ...doc, map } as Journey;
  for (const [name, records] of working) (next as Record<CollectionName, unknown>)[name] = records.result();
  return next;
}
