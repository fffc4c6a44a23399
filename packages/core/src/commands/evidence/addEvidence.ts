import { EvidenceSchema } from '@trailmap/schema';
import { patch, put, type Op } from '../../ops';
import { defineCommand } from '../defineCommand';
import { chosenId, definedOnly } from '../fields';
import { allocateId } from '../guards';
import { EvidenceTargetId, requireEvidenceTarget } from './linkTarget';

export const addEvidence = defineCommand({
  id: 'evidence.add',
  summary: 'Record where a claim comes from (interview, survey, analytics…), optionally citing it at once',
  input: EvidenceSchema.omit({ id: true, deletedAt: true }).extend({
    id: chosenId('evidence'),
    linkTo: EvidenceTargetId.optional(),
  }),
  history: 'record',
  run: (doc, { id: requested, linkTo, ...fields }, ctx) => {
    const target = linkTo === undefined ? undefined : requireEvidenceTarget(doc, linkTo);
    const id = allocateId(doc, 'evidence', ctx, requested);
    const ops: Op[] = [put('evidence', definedOnly({ ...fields, id }))];
    if (target) {
      ops.push(
        patch(target.collection, target.record.id, { evidenceIds: [...target.record.evidenceIds, id] }),
      );
    }
    return ops;
  },
});
