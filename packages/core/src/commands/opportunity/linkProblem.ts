import { z } from 'zod';
import { TrailmapError, idOf } from '@trailmap/schema';
import { patch } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';

export const linkProblem = defineCommand({
  id: 'opportunity.link-problem',
  summary: 'Record that an opportunity answers a pain-point card (no-op when already linked)',
  input: z.strictObject({ id: idOf('opportunity'), cardId: idOf('card') }),
  history: 'record',
  run: (doc, { id, cardId }) => {
    const opportunity = requireRecord(doc, 'opportunities', id);
    requireRecord(doc, 'cards', cardId);
    if (opportunity.problemCardIds.includes(cardId)) return [];
    if (opportunity.problemCardIds.length >= 100) {
      throw new TrailmapError('LIMIT_REACHED', 'an opportunity answers at most 100 cards', { status: 422 });
    }
    return [patch('opportunities', id, { problemCardIds: [...opportunity.problemCardIds, cardId] })];
  },
});
