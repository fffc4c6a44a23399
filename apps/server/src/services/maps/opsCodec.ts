import type { Op } from '@trailmap/core';

// JSON drops `undefined`, but in a patch an undefined field means "remove it". Such fields are
// stored as a separate `unset` list and restored on decode so replayed history stays exact.
type StoredOp = Op & { unset?: string[] };

export function encodeOps(ops: readonly Op[]): string {
  return JSON.stringify(
    ops.map((op): StoredOp => {
      if (op.op !== 'patch' && op.op !== 'patchMap') return op;
      const unset = Object.entries(op.changes)
        .filter(([, value]) => value === undefined)
        .map(([key]) => key);
      return unset.length > 0 ? { ...op, unset } : op;
    }),
  );
}

export function decodeOps(text: string): Op[] {
  return (JSON.parse(text) as StoredOp[]).map(({ unset, ...op }) => {
    if (!unset || (op.op !== 'patch' && op.op !== 'patchMap')) return op as Op;
    const changes: Record<string, unknown> = { ...op.changes };
    for (const key of unset) changes[key] = undefined;
    return { ...op, changes } as Op;
  });
}
