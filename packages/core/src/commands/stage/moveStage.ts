import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patch } from '../../ops';
import { indexFor } from '../../ordering';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { PlacementSchema } from '../placement';

export const moveStage = defineCommand({
  id: 'stage.move',
  summary: 'Reorder a stage; its steps, cards and emotion points move with it',
  input: z.strictObject({ id: idOf('stage'), ...PlacementSchema.shape }),
  history: 'record',
  run: (doc, { id, ...placement }) => {
    requireRecord(doc, 'stages', id);
    const others = doc.stages.filter((stage) => stage.id !== id);
    return [patch('stages', id, { index: indexFor(others, placement) })];
  },
});
