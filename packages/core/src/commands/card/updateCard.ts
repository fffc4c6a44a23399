import { z } from 'zod';
import { CardSchema } from '@trailmap/schema';
import { patch } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { changesFrom, clearable } from '../fields';

const card = CardSchema.shape;

export const updateCard = defineCommand({
  id: 'card.update',
  summary: 'Edit a card’s text, color, tags, priority, owner or channel',
  input: z.strictObject({
    id: card.id,
    text: card.text.optional(),
    color: clearable(card.color.unwrap()),
    tags: card.tags.unwrap().optional(),
    priority: clearable(card.priority.unwrap()),
    owner: clearable(card.owner.unwrap()),
    channel: clearable(card.channel.unwrap()),
  }),
  history: 'merge',
  run: (doc, { id, ...input }) => {
    requireRecord(doc, 'cards', id);
    const changes = changesFrom(input);
    return Object.keys(changes).length === 0 ? [] : [patch('cards', id, changes)];
  },
});
