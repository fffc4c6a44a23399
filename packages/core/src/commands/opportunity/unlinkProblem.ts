import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patch } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';

export const unlinkProblem = defineCommand({
  id: 'opportunity.unlink-problem',
  summary: 'Stop an opportunity citing a pain-point card (no-op when not linked)',
  input: z.strictObject({ id: idOf('opportunity'), cardId: idOf('card') }),
  history: 'record',
  run: (doc, { id, cardId }) => {
    const opportunity = requireRecord(doc, 'opportunities', id);
    if (!opportunity.problemCardIds.includes(cardId)) return [];
    return [
      patch('opportunities', id, {
        problemCardIds: opportunity.problemCardIds.filter((other) => other !== cardId),
      }),
    ];
  },
});
