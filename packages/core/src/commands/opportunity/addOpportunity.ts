import { OpportunitySchema } from '@trailmap/schema';
import { put } from '../../ops';
import { indexFor } from '../../ordering';
import { opportunitiesOf, requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { chosenId, definedOnly } from '../fields';
import { allocateId, requireEvidenceIds, unique } from '../guards';
import { PlacementSchema } from '../placement';

export const addOpportunity = defineCommand({
  id: 'opportunity.add',
  summary: 'Add an opportunity to a stage, optionally answering pain-point cards',
  input: OpportunitySchema.omit({ id: true, index: true }).extend({
    id: chosenId('opportunity'),
    ...PlacementSchema.shape,
  }),
  history: 'record',
  run: (doc, { id, before, after, position, ...fields }, ctx) => {
    requireRecord(doc, 'stages', fields.stageId);
    for (const cardId of fields.problemCardIds) requireRecord(doc, 'cards', cardId);
    requireEvidenceIds(doc, fields.evidenceIds);
    return [
      put(
        'opportunities',
        definedOnly({
          ...fields,
          problemCardIds: unique(fields.problemCardIds),
          evidenceIds: unique(fields.evidenceIds),
          id: allocateId(doc, 'opportunity', ctx, id),
          index: indexFor(opportunitiesOf(doc, fields.stageId), { before, after, position }),
        }),
      ),
    ];
  },
});
