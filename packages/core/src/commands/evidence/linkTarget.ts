import { z } from 'zod';
import { TrailmapError, type Journey } from '@trailmap/schema';
import { requireRecord } from '../../selectors';

/** Records that can cite evidence, told apart by their id prefix. */
export const EvidenceTargetId = z
  .string()
  .max(80)
  .regex(/^(card|emotion|opp):/, 'must be the id of a card, emotion point or opportunity')
  .describe('Id of the card, emotion point or opportunity that cites the evidence');

const COLLECTION_BY_PREFIX = { card: 'cards', emotion: 'emotions', opp: 'opportunities' } as const;

/**
 * The record behind an evidence target id.
 * @throws TrailmapError `CARD_NOT_FOUND`, `EMOTION_NOT_FOUND`, `OPPORTUNITY_NOT_FOUND` (404)
 */
export function requireEvidenceTarget(doc: Journey, targetId: string) {
  const prefix = targetId.slice(0, targetId.indexOf(':')) as keyof typeof COLLECTION_BY_PREFIX;
  const collection = COLLECTION_BY_PREFIX[prefix];
  if (collection === undefined) {
    throw new TrailmapError('INVALID_TARGET', `"${targetId}" cannot cite evidence`, { status: 422 });
  }
  return { collection, record: requireRecord(doc, collection, targetId) };
}
