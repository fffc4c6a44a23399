import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patch } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';

export const voteOpportunity = defineCommand({
  id: 'opportunity.vote',
  summary: 'Add (or with a negative delta take back) votes on an opportunity; never below zero',
  input: z.strictObject({
    id: idOf('opportunity'),
    delta: z
      .number()
      .int()
      .min(-100)
      .max(100)
      .refine((delta) => delta !== 0, 'delta cannot be 0')
      .default(1),
  }),
  history: 'record',
  run: (doc, { id, delta }) => {
    const opportunity = requireRecord(doc, 'opportunities', id);
    const votes = Math.max(0, opportunity.votes + delta);
    return votes === opportunity.votes ? [] : [patch('opportunities', id, { votes })];
  },
});
