import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patch, type Op } from '../../ops';
import { indexFor } from '../../ordering';
import { requireRecord, stepsOf } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { PlacementSchema } from '../placement';

export const moveStep = defineCommand({
  id: 'step.move',
  summary: 'Reorder a step within its stage, or move it (with its cards and emotion point) to another stage',
  input: z.strictObject({
    id: idOf('step'),
    stageId: idOf('stage').optional().describe('Target stage; default: the step’s own stage'),
    ...PlacementSchema.shape,
  }),
  history: 'record',
  run: (doc, { id, stageId, ...placement }) => {
    const step = requireRecord(doc, 'steps', id);
    const target = stageId ?? step.stageId;
    requireRecord(doc, 'stages', target);
    const siblings = stepsOf(doc, target).filter((other) => other.id !== id);
    const index = indexFor(siblings, placement);
    if (target === step.stageId) return [patch('steps', id, { index })];
    const ops: Op[] = [patch('steps', id, { stageId: target, index })];
    for (const card of doc.cards)
      if (card.stepId === id) ops.push(patch('cards', card.id, { stageId: target }));
    for (const point of doc.emotions) {
      if (point.stepId === id) ops.push(patch('emotions', point.id, { stageId: target }));
    }
    return ops;
  },
});
