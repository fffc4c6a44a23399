import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patch } from '../../ops';
import { indexFor } from '../../ordering';
import { cardsIn, requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { requireCell } from '../guards';
import { PlacementSchema } from '../placement';

export const moveCard = defineCommand({
  id: 'card.move',
  summary: 'Move a card to another cell and/or among the cards of its cell; it keeps its id',
  input: z.strictObject({
    id: idOf('card'),
    laneId: idOf('lane').optional().describe('Target lane; default: unchanged'),
    stageId: idOf('stage')
      .optional()
      .describe('Target stage; default: the stage of `stepId`, else unchanged'),
    stepId: idOf('step')
      .nullable()
      .optional()
      .describe('Target step; null = the stage itself; default: unchanged unless the stage changes'),
    ...PlacementSchema.shape,
  }),
  history: 'record',
  run: (doc, { id, laneId, stageId, stepId, ...placement }) => {
    const card = requireRecord(doc, 'cards', id);
    // A step belongs to one stage: a step alone names its stage too, and changing the stage
    // drops the old step unless a new one is given.
    const step = stepId == null ? undefined : requireRecord(doc, 'steps', stepId);
    const targetStage = stageId ?? step?.stageId ?? card.stageId;
    const target = {
      laneId: laneId ?? card.laneId,
      stageId: targetStage,
      stepId:
        stepId === null ? undefined : (stepId ?? (targetStage === card.stageId ? card.stepId : undefined)),
    };
    requireCell(doc, target);
    const siblings = cardsIn(doc, target.laneId, target.stageId, target.stepId).filter(
      (other) => other.id !== id,
    );
    return [
      patch('cards', id, {
        laneId: target.laneId,
        stageId: target.stageId,
        stepId: target.stepId,
        index: indexFor(siblings, placement),
      }),
    ];
  },
});
