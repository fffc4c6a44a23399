import { describe, expect, it } from 'vitest';
import { NOW, failure, run, sampleJourney } from '../testSupport';

describe('evidence.remove', () => {
  it('tombstones the evidence and removes every citation of it', () => {
    const doc = run(sampleJourney(), 'evidence.remove', { id: 'evidence:int' });
    expect(doc.evidence[0]).toMatchObject({ id: 'evidence:int', deletedAt: NOW });
    expect(doc.cards.every((card) => card.evidenceIds.length === 0)).toBe(true);
    expect(doc.emotions.every((point) => point.evidenceIds.length === 0)).toBe(true);
    expect(doc.opportunities.every((opportunity) => opportunity.evidenceIds.length === 0)).toBe(true);
  });

  it('keeps the first deletion time when removed twice', () => {
    const doc = sampleJourney();
    expect(run(doc, 'evidence.remove', { id: 'evidence:old' })).toBe(doc);
  });

  it('fails for missing evidence and unknown fields', () => {
    expect(failure(sampleJourney(), 'evidence.remove', { id: 'evidence:nope' }).code).toBe(
      'EVIDENCE_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'evidence.remove', { id: 'evidence:int', hard: true }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
