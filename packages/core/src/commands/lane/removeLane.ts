import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { requireRecord } from '../../selectors';
import { cascadeRemoval } from '../cascade';
import { defineCommand } from '../defineCommand';

export const removeLane = defineCommand({
  id: 'lane.remove',
  summary: 'Remove a lane with its cards (and their connections and bindings)',
  input: z.strictObject({ id: idOf('lane') }),
  history: 'record',
  run: (doc, { id }) => {
    requireRecord(doc, 'lanes', id);
    return cascadeRemoval(doc, { laneIds: [id] });
  },
});
