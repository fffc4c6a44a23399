import type * as Y from 'yjs';
import type { Op } from '@trailmap/core';
import { collectionOf, jsonEqual, mapRecordOf, recordToYMap, syncFields } from './layout';

function patchFields(target: Y.Map<unknown>, changes: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) target.delete(key);
    else if (!jsonEqual(target.get(key), value)) target.set(key, value);
  }
}

/**
 * Applies core ops to a Y.Doc as ONE transaction (one update on the wire, one undo step).
 * Same semantics as core's `applyOps`: `put` replaces a record (field by field, so untouched
 * fields keep concurrent edits), `patch` sets or (with `undefined`) removes fields, and
 * patches/removes of unknown ids are ignored.
 * @param origin transaction origin; a session's tracked origin makes the change undoable
 */
export function applyOpsToYDoc(ydoc: Y.Doc, ops: readonly Op[], origin: unknown = null): void {
  if (ops.length === 0) return;
  ydoc.transact(() => {
    for (const op of ops) {
      if (op.op === 'patchMap') {
        patchFields(mapRecordOf(ydoc), op.changes as Record<string, unknown>);
        continue;
      }
      const records = collectionOf(ydoc, op.collection);
      if (op.op === 'put') {
        const record = op.record as unknown as Record<string, unknown>;
        const existing = records.get(op.record.id);
        if (existing) syncFields(existing, record);
        else records.set(op.record.id, recordToYMap(record));
      } else if (op.op === 'remove') {
        records.delete(op.id);
      } else {
        const existing = records.get(op.id);
        if (existing) patchFields(existing, op.changes);
      }
    }
  }, origin);
}
