import { z } from 'zod';
import { DurationSchema, StageSchema } from '@trailmap/schema';
import { patch } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { changesFrom, clearable } from '../fields';

const stage = StageSchema.shape;

export const updateStage = defineCommand({
  id: 'stage.update',
  summary: 'Rename a stage or edit its goal, description and duration',
  input: z.strictObject({
    id: stage.id,
    name: stage.name.optional(),
    goal: clearable(stage.goal.unwrap()),
    description: clearable(stage.description.unwrap()),
    duration: clearable(DurationSchema),
  }),
  history: 'merge',
  run: (doc, { id, ...input }) => {
    requireRecord(doc, 'stages', id);
    const changes = changesFrom(input);
    return Object.keys(changes).length === 0 ? [] : [patch('stages', id, changes)];
  },
});
