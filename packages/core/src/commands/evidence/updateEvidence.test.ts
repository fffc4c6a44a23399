import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('evidence.update', () => {
  it('edits and clears fields', () => {
    const doc = run(sampleJourney(), 'evidence.update', {
      id: 'evidence:int',
      confidence: 'medium',
      url: 'https://example.org/i/1',
    });
    expect(doc.evidence[0]).toMatchObject({
      confidence: 'medium',
      url: 'https://example.org/i/1',
      source: 'interview',
    });
    expect(
      run(doc, 'evidence.update', { id: 'evidence:int', quote: null }).evidence[0]!.quote,
    ).toBeUndefined();
  });

  it('refuses deleted or missing evidence and unknown fields', () => {
    expect(failure(sampleJourney(), 'evidence.update', { id: 'evidence:old', title: 'x' }).code).toBe(
      'EVIDENCE_DELETED',
    );
    expect(failure(sampleJourney(), 'evidence.update', { id: 'evidence:nope', title: 'x' }).code).toBe(
      'EVIDENCE_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'evidence.update', { id: 'evidence:int', deletedAt: null }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
