import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('card.remove', () => {
  it('removes the card, its connections and bindings, and its problem links', () => {
    const doc = run(sampleJourney(), 'card.remove', { id: 'card:late' });
    expect(doc.cards.map((card) => card.id)).not.toContain('card:late');
    expect(doc.opportunities.map((opportunity) => opportunity.problemCardIds)).toEqual([['card:fees'], []]);
    const app = run(sampleJourney(), 'card.remove', { id: 'card:app' });
    expect(app.connections).toEqual([]);
    const fees = run(sampleJourney(), 'card.remove', { id: 'card:fees' });
    expect(fees.metricBindings.map((binding) => binding.id)).toEqual(['binding:order', 'binding:pay']);
    expect(fees.evidence).toHaveLength(2);
  });

  it('fails for a missing card and unknown fields', () => {
    expect(failure(sampleJourney(), 'card.remove', { id: 'card:nope' }).code).toBe('CARD_NOT_FOUND');
    expect(failure(sampleJourney(), 'card.remove', { id: 'card:late', soft: true }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
