import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { remove } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';

export const removeOpportunity = defineCommand({
  id: 'opportunity.remove',
  summary: 'Remove an opportunity (the pain-point cards it answered stay)',
  input: z.strictObject({ id: idOf('opportunity') }),
  history: 'record',
  run: (doc, { id }) => {
    requireRecord(doc, 'opportunities', id);
    return [remove('opportunities', id)];
  },
});
