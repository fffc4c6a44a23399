import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('opportunity.remove', () => {
  it('removes the opportunity and keeps the cards it cited', () => {
    const doc = run(sampleJourney(), 'opportunity.remove', { id: 'opp:fees' });
    expect(doc.opportunities.map((opportunity) => opportunity.id)).toEqual(['opp:track']);
    expect(doc.cards).toHaveLength(6);
  });

  it('fails for a missing opportunity and unknown fields', () => {
    expect(failure(sampleJourney(), 'opportunity.remove', { id: 'opp:nope' }).code).toBe(
      'OPPORTUNITY_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'opportunity.remove', { id: 'opp:fees', x: 1 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
