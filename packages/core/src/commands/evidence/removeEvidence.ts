import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patch } from '../../ops';
import { requireRecord } from '../../selectors';
import { unlinkEvidenceOps } from '../cascade';
import { defineCommand } from '../defineCommand';

/**
 * Evidence is tombstoned, not removed: comments, the workspace's evidence library and other
 * peers' pending edits may still point at it, and `evidence.restore` can bring it back. The cards,
 * emotion points and opportunities of this map stop citing it at once, so nothing on the map
 * claims support from deleted evidence; `doc.compact` purges the tombstone later.
 */
export const removeEvidence = defineCommand({
  id: 'evidence.remove',
  summary: 'Delete evidence (tombstone) and take it off every card, emotion point and opportunity',
  input: z.strictObject({ id: idOf('evidence') }),
  history: 'record',
  run: (doc, { id }, ctx) => {
    const evidence = requireRecord(doc, 'evidence', id);
    if (evidence.deletedAt !== undefined) return [];
    return [...unlinkEvidenceOps(doc, new Set([id])), patch('evidence', id, { deletedAt: ctx.now() })];
  },
});
