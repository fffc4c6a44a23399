import { z } from 'zod';
import { CardSchema } from '@trailmap/schema';
import { put } from '../../ops';
import { indexFor } from '../../ordering';
import { cardsIn, requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { PlacementSchema } from '../placement';

export const addCard = defineCommand({
  id: 'card.add',
  summary: 'Add a card to a cell (lane × stage, optionally a step)',
  input: CardSchema.omit({ id: true, index: true }).extend({
    id: z.string().optional(),
    ...PlacementSchema.shape,
  }),
  history: 'record',
  run: (doc, { id, before, after, position, ...card }, ctx) => {
    requireRecord(doc, 'lanes', card.laneId);
    requireRecord(doc, 'stages', card.stageId);
    if (card.stepId !== undefined) requireRecord(doc, 'steps', card.stepId);
    const siblings = cardsIn(doc, card.laneId, card.stageId, card.stepId);
    return [
      put('cards', {
        ...card,
        id: id ?? ctx.newId('card'),
        index: indexFor(siblings, { before, after, position }),
      }),
    ];
  },
});
