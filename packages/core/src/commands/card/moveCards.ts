import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patch } from '../../ops';
import { indexesFor, sortByIndex } from '../../ordering';
import { cardsIn, requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { requireCell, unique } from '../guards';
import { PlacementSchema } from '../placement';

export const moveCards = defineCommand({
  id: 'cards.move',
  summary: 'Move several cards (multi-select drag) into one cell, keeping their relative order',
  input: z.strictObject({
    ids: z.array(idOf('card')).min(1).max(1000),
    laneId: idOf('lane'),
    stageId: idOf('stage'),
    stepId: idOf('step').optional(),
    ...PlacementSchema.shape,
  }),
  history: 'record',
  run: (doc, { ids, laneId, stageId, stepId, before, after, position }) => {
    const moving = unique(ids).map((id) => requireRecord(doc, 'cards', id));
    requireCell(doc, { laneId, stageId, stepId });
    const movingIds = new Set(moving.map((card) => card.id));
    const siblings = cardsIn(doc, laneId, stageId, stepId).filter((card) => !movingIds.has(card.id));
    // Cards keep the order they had on the map: by stage, then lane, then their own index.
    const stageOrder = new Map(sortByIndex(doc.stages).map((stage, i) => [stage.id, i]));
    const laneOrder = new Map(sortByIndex(doc.lanes).map((lane, i) => [lane.id, i]));
    const ordered = sortByIndex(moving).sort(
      (a, b) =>
        stageOrder.get(a.stageId)! - stageOrder.get(b.stageId)! ||
        laneOrder.get(a.laneId)! - laneOrder.get(b.laneId)!,
    );
    const indexes = indexesFor(siblings, { before, after, position }, ordered.length);
    return ordered.map((card, i) => patch('cards', card.id, { laneId, stageId, stepId, index: indexes[i]! }));
  },
});
