import { COLLECTIONS, type Journey } from '@trailmap/schema';
import type { Op } from '@trailmap/core';
import { jsonEqual } from './layout';

type Fields = Record<string, unknown>;

function changedFields(before: Fields, after: Fields): Fields {
  const changes: Fields = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!jsonEqual(before[key], after[key])) changes[key] = after[key];
  }
  return changes;
}

/**
 * The ops that turn `base` into `next`: new records are put, dropped ones removed, and only
 * changed fields patched. Applied to a live document that moved on since `base`, this keeps
 * everyone else's concurrent edits (a three-way merge at field granularity).
 */
export function diffToOps(base: Journey, next: Journey): Op[] {
  const ops: Op[] = [];
  const mapChanges = changedFields(base.map as Fields, next.map as Fields);
  if (Object.keys(mapChanges).length) ops.push({ op: 'patchMap', changes: mapChanges });
  for (const collection of COLLECTIONS) {
    const before = new Map(
      (base[collection] as unknown as Fields[]).map((record) => [record.id as string, record]),
    );
    const after = new Map(
      (next[collection] as unknown as Fields[]).map((record) => [record.id as string, record]),
    );
    for (const id of before.keys()) if (!after.has(id)) ops.push({ op: 'remove', collection, id });
    for (const [id, record] of after) {
      const old = before.get(id);
      if (!old) {
        ops.push({ op: 'put', collection, record: record as never });
        continue;
      }
      const changes = changedFields(old, record);
      if (Object.keys(changes).length) ops.push({ op: 'patch', collection, id, changes });
    }
  }
  return ops;
}
