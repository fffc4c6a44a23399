import { describe, expect, it } from 'vitest';
import { opportunitiesOf } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

describe('opportunity.add', () => {
  it('adds an opportunity with defaults and linked problems', () => {
    const doc = run(sampleJourney(), 'opportunity.add', {
      stageId: 'stage:discover',
      title: 'Fee calculator',
      problemCardIds: ['card:fees', 'card:fees'],
      owner: 'Web team',
      budget: { amount: 5000, currency: 'EUR' },
      position: 'start',
    });
    const [first] = opportunitiesOf(doc, 'stage:discover');
    expect(first).toMatchObject({
      id: 'opp:t1',
      title: 'Fee calculator',
      problemCardIds: ['card:fees'],
      status: 'idea',
      votes: 0,
      tags: [],
      evidenceIds: [],
    });
  });

  it('checks the stage, problem cards and evidence', () => {
    const base = { stageId: 'stage:discover', title: 'X' };
    expect(failure(sampleJourney(), 'opportunity.add', { ...base, stageId: 'stage:nope' }).code).toBe(
      'STAGE_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'opportunity.add', { ...base, problemCardIds: ['card:nope'] }).code).toBe(
      'CARD_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'opportunity.add', { ...base, evidenceIds: ['evidence:old'] }).code).toBe(
      'EVIDENCE_DELETED',
    );
  });

  it('rejects bad values and unknown fields', () => {
    const base = { stageId: 'stage:discover', title: 'X' };
    expect(failure(sampleJourney(), 'opportunity.add', { ...base, status: 'maybe' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(
      failure(sampleJourney(), 'opportunity.add', { ...base, budget: { amount: -1, currency: 'EUR' } }).code,
    ).toBe('INVALID_COMMAND_INPUT');
    expect(failure(sampleJourney(), 'opportunity.add', { ...base, deadline: '2026-02-30' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'opportunity.add', { ...base, effort: 'S' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
