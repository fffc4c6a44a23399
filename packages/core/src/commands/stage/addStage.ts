import { z } from 'zod';
import { DurationSchema, ShortText, LongText } from '@trailmap/schema';
import { put } from '../../ops';
import { indexFor } from '../../ordering';
import { defineCommand } from '../defineCommand';
import { chosenId, definedOnly } from '../fields';
import { allocateId } from '../guards';
import { PlacementSchema } from '../placement';

export const addStage = defineCommand({
  id: 'stage.add',
  summary: 'Add a stage (column) to the journey',
  input: z.strictObject({
    name: ShortText.min(1),
    goal: LongText.optional(),
    description: LongText.optional(),
    duration: DurationSchema.optional(),
    id: chosenId('stage'),
    ...PlacementSchema.shape,
  }),
  history: 'record',
  run: (doc, { name, goal, description, duration, id, before, after, position }, ctx) => [
    put(
      'stages',
      definedOnly({
        id: allocateId(doc, 'stage', ctx, id),
        index: indexFor(doc.stages, { before, after, position }),
        name,
        goal,
        description,
        duration,
      }),
    ),
  ],
});
