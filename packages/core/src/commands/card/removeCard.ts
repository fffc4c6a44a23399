import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { requireRecord } from '../../selectors';
import { cascadeRemoval } from '../cascade';
import { defineCommand } from '../defineCommand';

export const removeCard = defineCommand({
  id: 'card.remove',
  summary: 'Remove a card with its connections and bindings; opportunities stop citing it',
  input: z.strictObject({ id: idOf('card') }),
  history: 'record',
  run: (doc, { id }) => {
    requireRecord(doc, 'cards', id);
    return cascadeRemoval(doc, { cardIds: [id] });
  },
});
