import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { requireRecord } from '../../selectors';
import { cascadeRemoval } from '../cascade';
import { defineCommand } from '../defineCommand';

export const removeStep = defineCommand({
  id: 'step.remove',
  summary: 'Remove a step with its cards, emotion point and bindings',
  input: z.strictObject({ id: idOf('step') }),
  history: 'record',
  run: (doc, { id }) => {
    requireRecord(doc, 'steps', id);
    return cascadeRemoval(doc, { stepIds: [id] });
  },
});
