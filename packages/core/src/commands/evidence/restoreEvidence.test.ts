import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('evidence.restore', () => {
  it('clears the tombstone so the evidence can be cited again', () => {
    const doc = run(sampleJourney(), 'evidence.restore', { id: 'evidence:old' });
    expect('deletedAt' in doc.evidence[1]!).toBe(false);
    const cited = run(doc, 'evidence.link', { evidenceId: 'evidence:old', targetId: 'card:late' });
    expect(cited.cards.find((card) => card.id === 'card:late')!.evidenceIds).toEqual(['evidence:old']);
  });

  it('is a no-op for live evidence and fails for missing evidence', () => {
    const doc = sampleJourney();
    expect(run(doc, 'evidence.restore', { id: 'evidence:int' })).toBe(doc);
    expect(failure(doc, 'evidence.restore', { id: 'evidence:nope' }).code).toBe('EVIDENCE_NOT_FOUND');
    expect(failure(doc, 'evidence.restore', { id: 'evidence:old', links: true }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
