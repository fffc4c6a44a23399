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
    stageId: idOf('stage').optional().describe('Target stage; default: unchanged'),
    stepId: idOf('step')
      .nullable()
      .optional()
      .describe('Target step; null = the stage itself; default: unchanged unless the stage changes'),
    ...PlacementSchema.shape,
  }),
  history: 'record',
  run: (doc, { id, laneId, stageId, stepId, ...placement }) => {
    const card = requireRecord(doc, 'cards', id);
    const target = {
      laneId: laneId ?? card.laneId,
      stageId: stageId ?? card.stageId,
      // A step belongs to one stage, so changing the stage drops the step unless a new one is given.
      stepId:
        stepId === null
          ? undefined
          : (stepId ?? (stageId === undefined || stageId === card.stageId ? card.stepId : undefined)),
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
