import { describe, expect, it } from 'vitest';
import { cardsIn } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

describe('cards.move', () => {
  it('moves several cards into one cell in map order', () => {
    const doc = run(sampleJourney(), 'cards.move', {
      ids: ['card:late', 'card:compare', 'card:fees'],
      laneId: 'lane:actions',
      stageId: 'stage:discover',
      after: 'card:search',
    });
    expect(cardsIn(doc, 'lane:actions', 'stage:discover').map((card) => card.id)).toEqual([
      'card:search',
      'card:compare',
      'card:fees',
      'card:late',
    ]);
    expect(doc.cards.find((card) => card.id === 'card:fees')!.stepId).toBeUndefined();
  });

  it('moves onto a step', () => {
    const doc = run(sampleJourney(), 'cards.move', {
      ids: ['card:search'],
      laneId: 'lane:pain',
      stageId: 'stage:order',
      stepId: 'step:pay',
      position: 'start',
    });
    expect(cardsIn(doc, 'lane:pain', 'stage:order', 'step:pay').map((card) => card.id)).toEqual([
      'card:search',
      'card:fees',
    ]);
  });

  it('validates cards, cell and input', () => {
    const base = { laneId: 'lane:actions', stageId: 'stage:discover' };
    expect(failure(sampleJourney(), 'cards.move', { ...base, ids: ['card:nope'] }).code).toBe(
      'CARD_NOT_FOUND',
    );
    expect(
      failure(sampleJourney(), 'cards.move', { ...base, ids: ['card:late'], stepId: 'step:pay' }).code,
    ).toBe('STEP_OUTSIDE_STAGE');
    expect(failure(sampleJourney(), 'cards.move', { ...base, ids: [] }).code).toBe('INVALID_COMMAND_INPUT');
    expect(failure(sampleJourney(), 'cards.move', { ...base, ids: ['card:late'], copy: true }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
