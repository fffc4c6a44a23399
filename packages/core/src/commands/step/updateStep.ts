import { z } from 'zod';
import { StepSchema } from '@trailmap/schema';
import { patch } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { changesFrom, clearable } from '../fields';

const step = StepSchema.shape;

export const updateStep = defineCommand({
  id: 'step.update',
  summary: 'Rename a step or edit its description',
  input: z.strictObject({
    id: step.id,
    name: step.name.optional(),
    description: clearable(step.description.unwrap()),
  }),
  history: 'merge',
  run: (doc, { id, ...input }) => {
    requireRecord(doc, 'steps', id);
    const changes = changesFrom(input);
    return Object.keys(changes).length === 0 ? [] : [patch('steps', id, changes)];
  },
});
