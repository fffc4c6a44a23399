import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patch } from '../../ops';
import { indexFor } from '../../ordering';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { PlacementSchema } from '../placement';

export const moveLane = defineCommand({
  id: 'lane.move',
  summary: 'Reorder a lane; its cards move with it',
  input: z.strictObject({ id: idOf('lane'), ...PlacementSchema.shape }),
  history: 'record',
  run: (doc, { id, ...placement }) => {
    requireRecord(doc, 'lanes', id);
    const others = doc.lanes.filter((lane) => lane.id !== id);
    return [patch('lanes', id, { index: indexFor(others, placement) })];
  },
});
