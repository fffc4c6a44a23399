import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

const ids = (records: { id: string }[]) => records.map((record) => record.id);

describe('step.remove', () => {
  it('removes the step with its cards, emotion point and bindings', () => {
    const doc = run(sampleJourney(), 'step.remove', { id: 'step:pay' });
    expect(ids(doc.steps)).toEqual(['step:cart']);
    expect(ids(doc.cards)).not.toContain('card:fees');
    expect(ids(doc.emotions)).toEqual(['emotion:d']);
    expect(ids(doc.metricBindings)).toEqual(['binding:order']);
    expect(doc.opportunities[0]!.problemCardIds).toEqual(['card:late']);
  });

  it('removes connections of the cards on the step', () => {
    const doc = run(sampleJourney(), 'step.remove', { id: 'step:cart' });
    expect(ids(doc.cards)).not.toContain('card:app');
    expect(doc.connections).toEqual([]);
  });

  it('fails for a missing step and unknown fields', () => {
    expect(failure(sampleJourney(), 'step.remove', { id: 'step:nope' }).code).toBe('STEP_NOT_FOUND');
    expect(failure(sampleJourney(), 'step.remove', { id: 'step:pay', keepCards: true }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
