import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { put } from '../../ops';
import { indexFor } from '../../ordering';
import { cardsIn, requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { chosenId } from '../fields';
import { allocateId } from '../guards';

export const duplicateCard = defineCommand({
  id: 'card.duplicate',
  summary: 'Copy a card (text, style, tags, evidence links) right after the original',
  input: z.strictObject({ id: idOf('card'), newId: chosenId('card') }),
  history: 'record',
  run: (doc, { id, newId }, ctx) => {
    const card = requireRecord(doc, 'cards', id);
    const siblings = cardsIn(doc, card.laneId, card.stageId, card.stepId);
    return [
      put('cards', {
        ...card,
        id: allocateId(doc, 'card', ctx, newId),
        index: indexFor(siblings, { after: id }),
        tags: [...card.tags],
        evidenceIds: [...card.evidenceIds],
      }),
    ];
  },
});
