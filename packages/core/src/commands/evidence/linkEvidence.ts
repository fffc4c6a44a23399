import { z } from 'zod';
import { TrailmapError, idOf } from '@trailmap/schema';
import { patch } from '../../ops';
import { defineCommand } from '../defineCommand';
import { requireLiveEvidence } from '../guards';
import { EvidenceTargetId, requireEvidenceTarget } from './linkTarget';

export const linkEvidence = defineCommand({
  id: 'evidence.link',
  summary: 'Cite evidence on a card, emotion point or opportunity (no-op when already cited)',
  input: z.strictObject({ evidenceId: idOf('evidence'), targetId: EvidenceTargetId }),
  history: 'record',
  run: (doc, { evidenceId, targetId }) => {
    requireLiveEvidence(doc, evidenceId);
    const { collection, record } = requireEvidenceTarget(doc, targetId);
    if (record.evidenceIds.includes(evidenceId)) return [];
    if (record.evidenceIds.length >= 100) {
      throw new TrailmapError('LIMIT_REACHED', 'a record cites at most 100 evidence records', {
        status: 422,
      });
    }
    return [patch(collection, targetId, { evidenceIds: [...record.evidenceIds, evidenceId] })];
  },
});
