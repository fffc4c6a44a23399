import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

const votes = (doc: ReturnType<typeof sampleJourney>) => doc.opportunities[0]!.votes;

describe('opportunity.vote', () => {
  it('adds one vote by default and takes votes back', () => {
    const up = run(sampleJourney(), 'opportunity.vote', { id: 'opp:fees' });
    expect(votes(up)).toBe(3);
    expect(votes(run(up, 'opportunity.vote', { id: 'opp:fees', delta: -2 }))).toBe(1);
  });

  it('never goes below zero', () => {
    expect(votes(run(sampleJourney(), 'opportunity.vote', { id: 'opp:fees', delta: -5 }))).toBe(0);
    const none = sampleJourney();
    expect(run(none, 'opportunity.vote', { id: 'opp:track', delta: -1 })).toBe(none);
  });

  it('rejects zero, fractions, missing opportunities and unknown fields', () => {
    expect(failure(sampleJourney(), 'opportunity.vote', { id: 'opp:fees', delta: 0 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'opportunity.vote', { id: 'opp:fees', delta: 0.5 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'opportunity.vote', { id: 'opp:nope' }).code).toBe(
      'OPPORTUNITY_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'opportunity.vote', { id: 'opp:fees', voter: 'me' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
