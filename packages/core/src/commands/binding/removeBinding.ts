import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patch } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';

/** Tombstoned, not removed: analytics results and dashboards outside the map refer to it. */
export const removeBinding = defineCommand({
  id: 'binding.remove',
  summary: 'Unbind a map element from its data (tombstone; purged by doc.compact)',
  input: z.strictObject({ id: idOf('metricBinding') }),
  history: 'record',
  run: (doc, { id }, ctx) => {
    const binding = requireRecord(doc, 'metricBindings', id);
    return binding.deletedAt === undefined ? [patch('metricBindings', id, { deletedAt: ctx.now() })] : [];
  },
});
