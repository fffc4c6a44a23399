import { z } from 'zod';
import { TrailmapError } from '@trailmap/schema';
import { remove, type Op } from '../../ops';
import { unlinkEvidenceOps } from '../cascade';
import { defineCommand } from '../defineCommand';

const DAY_MS = 24 * 60 * 60 * 1000;

export const compactDoc = defineCommand({
  id: 'doc.compact',
  summary: 'Purge tombstoned evidence and metric bindings deleted more than N days ago',
  input: z.strictObject({
    olderThanDays: z
      .number()
      .int()
      .min(0)
      .max(36500)
      .default(30)
      .describe('Keep tombstones younger than this'),
  }),
  // Housekeeping, not a user edit: never undoable.
  history: 'skip',
  run: (doc, { olderThanDays }, ctx) => {
    const now = Date.parse(ctx.now());
    if (Number.isNaN(now))
      throw new TrailmapError('INVALID_CLOCK', `ctx.now() gave "${ctx.now()}"`, { status: 500 });
    const cutoff = now - olderThanDays * DAY_MS;
    const isExpired = (deletedAt: string | undefined) =>
      deletedAt !== undefined && Date.parse(deletedAt) <= cutoff;
    const evidence = new Set(doc.evidence.filter((each) => isExpired(each.deletedAt)).map((each) => each.id));
    const ops: Op[] = [...unlinkEvidenceOps(doc, evidence)];
    for (const id of evidence) ops.push(remove('evidence', id));
    for (const binding of doc.metricBindings) {
      if (isExpired(binding.deletedAt)) ops.push(remove('metricBindings', binding.id));
    }
    return ops;
  },
});
