import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

const find = (doc: ReturnType<typeof sampleJourney>, id: string) => doc.cards.find((card) => card.id === id)!;

describe('card.update', () => {
  it('edits and clears fields', () => {
    const doc = run(sampleJourney(), 'card.update', {
      id: 'card:fees',
      text: 'Fees appear only at payment',
      color: 'red',
      tags: ['pricing'],
      priority: 'high',
      owner: 'Pricing team',
    });
    expect(find(doc, 'card:fees')).toMatchObject({
      text: 'Fees appear only at payment',
      color: 'red',
      tags: ['pricing'],
      priority: 'high',
    });
    const cleared = run(doc, 'card.update', { id: 'card:fees', color: null, owner: null, channel: 'app' });
    expect(find(cleared, 'card:fees').color).toBeUndefined();
    expect(find(cleared, 'card:fees').owner).toBeUndefined();
    expect(find(cleared, 'card:fees').channel).toBe('app');
  });

  it('fails for a missing card, bad values and unknown or structural fields', () => {
    expect(failure(sampleJourney(), 'card.update', { id: 'card:nope', text: 'x' }).code).toBe(
      'CARD_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'card.update', { id: 'card:fees', priority: 'urgent' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'card.update', { id: 'card:fees', laneId: 'lane:actions' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
