import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('evidence.unlink', () => {
  it('stops citing evidence and is a no-op when not cited', () => {
    const doc = run(sampleJourney(), 'evidence.unlink', {
      evidenceId: 'evidence:int',
      targetId: 'emotion:pay',
    });
    expect(doc.emotions[1]!.evidenceIds).toEqual([]);
    expect(run(doc, 'evidence.unlink', { evidenceId: 'evidence:int', targetId: 'emotion:pay' })).toBe(doc);
    expect(doc.evidence).toHaveLength(2);
  });

  it('fails for a missing target and unknown fields', () => {
    expect(
      failure(sampleJourney(), 'evidence.unlink', { evidenceId: 'evidence:int', targetId: 'emotion:nope' })
        .code,
    ).toBe('EMOTION_NOT_FOUND');
    expect(
      failure(sampleJourney(), 'evidence.unlink', {
        evidenceId: 'evidence:int',
        targetId: 'card:fees',
        all: 1,
      }).code,
    ).toBe('INVALID_COMMAND_INPUT');
  });
});
