import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('opportunity.link-problem', () => {
  it('links a card once', () => {
    const doc = run(sampleJourney(), 'opportunity.link-problem', { id: 'opp:track', cardId: 'card:fees' });
    expect(doc.opportunities[1]!.problemCardIds).toEqual(['card:late', 'card:fees']);
    expect(run(doc, 'opportunity.link-problem', { id: 'opp:track', cardId: 'card:fees' })).toBe(doc);
  });

  it('fails for missing records and unknown fields', () => {
    expect(
      failure(sampleJourney(), 'opportunity.link-problem', { id: 'opp:nope', cardId: 'card:fees' }).code,
    ).toBe('OPPORTUNITY_NOT_FOUND');
    expect(
      failure(sampleJourney(), 'opportunity.link-problem', { id: 'opp:track', cardId: 'card:nope' }).code,
    ).toBe('CARD_NOT_FOUND');
    expect(
      failure(sampleJourney(), 'opportunity.link-problem', { id: 'opp:track', cardId: 'card:fees', why: 'x' })
        .code,
    ).toBe('INVALID_COMMAND_INPUT');
  });
});
