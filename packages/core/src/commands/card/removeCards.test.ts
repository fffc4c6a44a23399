import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('cards.remove', () => {
  it('removes several cards and everything that pointed at them', () => {
    const doc = run(sampleJourney(), 'cards.remove', { ids: ['card:site', 'card:late', 'card:late'] });
    expect(doc.cards).toHaveLength(4);
    expect(doc.connections).toEqual([]);
    expect(doc.opportunities[1]!.problemCardIds).toEqual([]);
  });

  it('removes nothing when one id is missing', () => {
    expect(failure(sampleJourney(), 'cards.remove', { ids: ['card:site', 'card:nope'] }).code).toBe(
      'CARD_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'cards.remove', { ids: [] }).code).toBe('INVALID_COMMAND_INPUT');
    expect(failure(sampleJourney(), 'cards.remove', { ids: ['card:site'], all: 1 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
