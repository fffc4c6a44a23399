import { describe, expect, it } from 'vitest';
import { cardsIn } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

describe('card.duplicate', () => {
  it('copies a card right after the original with a new id', () => {
    const doc = run(sampleJourney(), 'card.duplicate', { id: 'card:search' });
    const cell = cardsIn(doc, 'lane:actions', 'stage:discover');
    expect(cell.map((card) => card.id)).toEqual(['card:search', 'card:t1', 'card:compare']);
    expect(cell[1]!.text).toBe('Searches for a shop');
    const fees = run(sampleJourney(), 'card.duplicate', { id: 'card:fees', newId: 'card:fees2' });
    expect(fees.cards.find((card) => card.id === 'card:fees2')).toMatchObject({
      stepId: 'step:pay',
      evidenceIds: ['evidence:int'],
    });
  });

  it('fails for a missing card, a taken id and unknown fields', () => {
    expect(failure(sampleJourney(), 'card.duplicate', { id: 'card:nope' }).code).toBe('CARD_NOT_FOUND');
    expect(failure(sampleJourney(), 'card.duplicate', { id: 'card:fees', newId: 'card:late' }).code).toBe(
      'ID_TAKEN',
    );
    expect(failure(sampleJourney(), 'card.duplicate', { id: 'card:fees', times: 2 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
