import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('opportunity.update', () => {
  it('edits and clears action-plan fields', () => {
    const doc = run(sampleJourney(), 'opportunity.update', {
      id: 'opp:fees',
      owner: 'Pricing',
      kpi: 'Checkout conversion',
      baseline: '61%',
      target: '70%',
      deadline: '2027-03-31',
      status: 'planned',
    });
    expect(doc.opportunities[0]).toMatchObject({
      owner: 'Pricing',
      target: '70%',
      deadline: '2027-03-31',
      status: 'planned',
      votes: 2,
    });
    expect(
      run(doc, 'opportunity.update', { id: 'opp:fees', deadline: null }).opportunities[0]!.deadline,
    ).toBeUndefined();
  });

  it('fails for a missing opportunity, bad values and fields owned by other commands', () => {
    expect(failure(sampleJourney(), 'opportunity.update', { id: 'opp:nope', title: 'x' }).code).toBe(
      'OPPORTUNITY_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'opportunity.update', { id: 'opp:fees', title: '' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'opportunity.update', { id: 'opp:fees', votes: 9 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'opportunity.update', { id: 'opp:fees', problemCardIds: [] }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
