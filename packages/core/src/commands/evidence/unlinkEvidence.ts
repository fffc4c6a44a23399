import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patch } from '../../ops';
import { defineCommand } from '../defineCommand';
import { EvidenceTargetId, requireEvidenceTarget } from './linkTarget';

export const unlinkEvidence = defineCommand({
  id: 'evidence.unlink',
  summary: 'Stop citing evidence on a card, emotion point or opportunity (no-op when not cited)',
  input: z.strictObject({ evidenceId: idOf('evidence'), targetId: EvidenceTargetId }),
  history: 'record',
  run: (doc, { evidenceId, targetId }) => {
    const { collection, record } = requireEvidenceTarget(doc, targetId);
    if (!record.evidenceIds.includes(evidenceId)) return [];
    return [
      patch(collection, targetId, { evidenceIds: record.evidenceIds.filter((id) => id !== evidenceId) }),
    ];
  },
});
