import { CardSchema } from '@trailmap/schema';
import { put } from '../../ops';
import { indexFor } from '../../ordering';
import { cardsIn } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { chosenId, definedOnly } from '../fields';
import { allocateId, requireCell, requireEvidenceIds } from '../guards';
import { PlacementSchema } from '../placement';

export const addCard = defineCommand({
  id: 'card.add',
  summary: 'Add a card to a cell (lane × stage, optionally a step)',
  input: CardSchema.omit({ id: true, index: true }).extend({
    id: chosenId('card'),
    ...PlacementSchema.shape,
  }),
  history: 'record',
  run: (doc, { id, before, after, position, ...card }, ctx) => {
    requireCell(doc, card);
    requireEvidenceIds(doc, card.evidenceIds);
    const siblings = cardsIn(doc, card.laneId, card.stageId, card.stepId);
    return [
      put(
        'cards',
        definedOnly({
          ...card,
          id: allocateId(doc, 'card', ctx, id),
          index: indexFor(siblings, { before, after, position }),
        }),
      ),
    ];
  },
});
