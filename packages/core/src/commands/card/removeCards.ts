import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { requireRecord } from '../../selectors';
import { cascadeRemoval } from '../cascade';
import { defineCommand } from '../defineCommand';
import { unique } from '../guards';

export const removeCards = defineCommand({
  id: 'cards.remove',
  summary: 'Remove several cards at once (multi-select delete) as one undo step',
  input: z.strictObject({ ids: z.array(idOf('card')).min(1).max(5000) }),
  history: 'record',
  run: (doc, { ids }) => {
    const distinct = unique(ids);
    for (const id of distinct) requireRecord(doc, 'cards', id);
    return cascadeRemoval(doc, { cardIds: distinct });
  },
});
