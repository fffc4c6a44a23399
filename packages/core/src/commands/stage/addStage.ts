import { z } from 'zod';
import { DurationSchema, ShortText, LongText } from '@trailmap/schema';
import { put } from '../../ops';
import { indexFor } from '../../ordering';
import { defineCommand } from '../defineCommand';
import { PlacementSchema } from '../placement';

export const addStage = defineCommand({
  id: 'stage.add',
  summary: 'Add a stage (column) to the journey',
  input: z.strictObject({
    name: ShortText.min(1),
    goal: LongText.optional(),
    duration: DurationSchema.optional(),
    id: z.string().optional().describe('Use this id instead of a generated one (imports, scripts)'),
    ...PlacementSchema.shape,
  }),
  history: 'record',
  run: (doc, { name, goal, duration, id, before, after, position }, ctx) => [
    put('stages', {
      id: id ?? ctx.newId('stage'),
      index: indexFor(doc.stages, { before, after, position }),
      name,
      ...(goal === undefined ? {} : { goal }),
      ...(duration === undefined ? {} : { duration }),
    }),
  ],
});
