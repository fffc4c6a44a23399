import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { requireRecord } from '../../selectors';
import { cascadeRemoval } from '../cascade';
import { defineCommand } from '../defineCommand';

export const removeStage = defineCommand({
  id: 'stage.remove',
  summary: 'Remove a stage with its steps, cards, emotion points, opportunities and bindings',
  input: z.strictObject({ id: idOf('stage') }),
  history: 'record',
  run: (doc, { id }) => {
    requireRecord(doc, 'stages', id);
    return cascadeRemoval(doc, { stageIds: [id] });
  },
});
