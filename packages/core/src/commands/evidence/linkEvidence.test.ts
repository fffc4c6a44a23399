import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('evidence.link', () => {
  it('cites evidence once on a card, emotion point or opportunity', () => {
    const doc = run(sampleJourney(), 'evidence.link', { evidenceId: 'evidence:int', targetId: 'card:late' });
    expect(doc.cards.find((card) => card.id === 'card:late')!.evidenceIds).toEqual(['evidence:int']);
    expect(run(doc, 'evidence.link', { evidenceId: 'evidence:int', targetId: 'card:late' })).toBe(doc);
    expect(
      run(doc, 'evidence.link', { evidenceId: 'evidence:int', targetId: 'emotion:d' }).emotions[0]!
        .evidenceIds,
    ).toEqual(['evidence:int']);
    expect(
      run(doc, 'evidence.link', { evidenceId: 'evidence:int', targetId: 'opp:track' }).opportunities[1]!
        .evidenceIds,
    ).toEqual(['evidence:int']);
  });

  it('refuses deleted evidence, missing records and other targets', () => {
    expect(
      failure(sampleJourney(), 'evidence.link', { evidenceId: 'evidence:old', targetId: 'card:late' }).code,
    ).toBe('EVIDENCE_DELETED');
    expect(
      failure(sampleJourney(), 'evidence.link', { evidenceId: 'evidence:nope', targetId: 'card:late' }).code,
    ).toBe('EVIDENCE_NOT_FOUND');
    expect(
      failure(sampleJourney(), 'evidence.link', { evidenceId: 'evidence:int', targetId: 'opp:nope' }).code,
    ).toBe('OPPORTUNITY_NOT_FOUND');
    expect(
      failure(sampleJourney(), 'evidence.link', { evidenceId: 'evidence:int', targetId: 'lane:pain' }).code,
    ).toBe('INVALID_COMMAND_INPUT');
    expect(
      failure(sampleJourney(), 'evidence.link', { evidenceId: 'evidence:int', targetId: 'card:late', x: 1 })
        .code,
    ).toBe('INVALID_COMMAND_INPUT');
  });
});
