import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('opportunity.unlink-problem', () => {
  it('unlinks a card and is a no-op when it is not linked', () => {
    const doc = run(sampleJourney(), 'opportunity.unlink-problem', { id: 'opp:fees', cardId: 'card:late' });
    expect(doc.opportunities[0]!.problemCardIds).toEqual(['card:fees']);
    expect(run(doc, 'opportunity.unlink-problem', { id: 'opp:fees', cardId: 'card:late' })).toBe(doc);
  });

  it('fails for a missing opportunity and unknown fields', () => {
    expect(
      failure(sampleJourney(), 'opportunity.unlink-problem', { id: 'opp:nope', cardId: 'card:late' }).code,
    ).toBe('OPPORTUNITY_NOT_FOUND');
    expect(
      failure(sampleJourney(), 'opportunity.unlink-problem', {
        id: 'opp:fees',
        cardId: 'card:late',
        all: true,
      }).code,
    ).toBe('INVALID_COMMAND_INPUT');
  });
});
