import { z } from 'zod';
import { CardSchema, idOf } from '@trailmap/schema';
import { put } from '../../ops';
import { indexesFor } from '../../ordering';
import { cardsIn } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { definedOnly } from '../fields';
import { allocateIds, requireCell } from '../guards';
import { PlacementSchema } from '../placement';

const card = CardSchema.shape;

/**
 * A card as copied to the clipboard from any map. Its ids and links belong to the source map,
 * so they are accepted but ignored: the pasted card gets a fresh id and the target cell.
 */
const CopiedCard = z.strictObject({
  text: card.text,
  color: card.color,
  tags: card.tags,
  priority: card.priority,
  owner: card.owner,
  channel: card.channel,
  id: z.string().max(200).optional(),
  laneId: z.string().max(200).optional(),
  stageId: z.string().max(200).optional(),
  stepId: z.string().max(200).optional(),
  index: z.string().max(200).optional(),
  evidenceIds: z.array(z.string().max(200)).max(100).optional(),
});

export const pasteCards = defineCommand({
  id: 'cards.paste',
  summary: 'Paste cards copied from this or another map into one cell, with fresh ids, in order',
  input: z.strictObject({
    cards: z.array(CopiedCard).min(1).max(1000),
    laneId: idOf('lane'),
    stageId: idOf('stage'),
    stepId: idOf('step').optional(),
    ...PlacementSchema.shape,
  }),
  history: 'record',
  run: (doc, { cards, laneId, stageId, stepId, before, after, position }, ctx) => {
    requireCell(doc, { laneId, stageId, stepId });
    const ids = allocateIds(doc, 'card', ctx, cards.length);
    const indexes = indexesFor(
      cardsIn(doc, laneId, stageId, stepId),
      { before, after, position },
      cards.length,
    );
    return cards.map((copied, i) =>
      put(
        'cards',
        definedOnly({
          id: ids[i]!,
          laneId,
          stageId,
          stepId,
          index: indexes[i]!,
          text: copied.text,
          color: copied.color,
          tags: copied.tags,
          priority: copied.priority,
          owner: copied.owner,
          channel: copied.channel,
          evidenceIds: [],
        }),
      ),
    );
  },
});
