import { z } from 'zod';
import { StepSchema } from '@trailmap/schema';
import { put } from '../../ops';
import { indexFor } from '../../ordering';
import { requireRecord, stepsOf } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { chosenId, definedOnly } from '../fields';
import { allocateId } from '../guards';
import { PlacementSchema } from '../placement';

const step = StepSchema.shape;

export const addStep = defineCommand({
  id: 'step.add',
  summary: 'Add a step (sub-column) to a stage',
  input: z.strictObject({
    stageId: step.stageId,
    name: step.name,
    description: step.description,
    id: chosenId('step'),
    ...PlacementSchema.shape,
  }),
  history: 'record',
  run: (doc, { stageId, name, description, id, before, after, position }, ctx) => {
    requireRecord(doc, 'stages', stageId);
    return [
      put(
        'steps',
        definedOnly({
          id: allocateId(doc, 'step', ctx, id),
          stageId,
          index: indexFor(stepsOf(doc, stageId), { before, after, position }),
          name,
          description,
        }),
      ),
    ];
  },
});
