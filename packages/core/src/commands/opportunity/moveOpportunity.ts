import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patch } from '../../ops';
import { indexFor } from '../../ordering';
import { opportunitiesOf, requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { PlacementSchema } from '../placement';

export const moveOpportunity = defineCommand({
  id: 'opportunity.move',
  summary: 'Reorder an opportunity within its stage or move it to another stage',
  input: z.strictObject({
    id: idOf('opportunity'),
    stageId: idOf('stage').optional().describe('Target stage; default: unchanged'),
    ...PlacementSchema.shape,
  }),
  history: 'record',
  run: (doc, { id, stageId, ...placement }) => {
    const opportunity = requireRecord(doc, 'opportunities', id);
    const target = stageId ?? opportunity.stageId;
    requireRecord(doc, 'stages', target);
    const siblings = opportunitiesOf(doc, target).filter((other) => other.id !== id);
    return [patch('opportunities', id, { stageId: target, index: indexFor(siblings, placement) })];
  },
});
