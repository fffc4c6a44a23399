import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

const rule = { activities: ['open_app'] };

describe('binding.set', () => {
  it('creates a binding for a stage, step or card', () => {
    const doc = run(sampleJourney(), 'binding.set', { targetId: 'stage:discover', dataset: 'web', rule });
    expect(doc.metricBindings.at(-1)).toEqual({
      id: 'binding:t1',
      targetId: 'stage:discover',
      dataset: 'web',
      rule,
    });
  });

  it('replaces the rule of the live binding for the same target and dataset', () => {
    const doc = run(sampleJourney(), 'binding.set', { targetId: 'stage:order', rule });
    expect(doc.metricBindings).toHaveLength(3);
    expect(doc.metricBindings[0]).toEqual({ id: 'binding:order', targetId: 'stage:order', rule });
  });

  it('edits and revives a binding by id', () => {
    const removed = run(sampleJourney(), 'binding.remove', { id: 'binding:fees' });
    const doc = run(removed, 'binding.set', {
      id: 'binding:fees',
      targetId: 'card:late',
      rule,
      dataset: 'support',
    });
    expect(doc.metricBindings[2]).toEqual({
      id: 'binding:fees',
      targetId: 'card:late',
      dataset: 'support',
      rule,
    });
  });

  it('checks the target and the input', () => {
    expect(failure(sampleJourney(), 'binding.set', { targetId: 'card:nope', rule }).code).toBe(
      'CARD_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'binding.set', { targetId: 'step:nope', rule }).code).toBe(
      'STEP_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'binding.set', { targetId: 'lane:pain', rule }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(
      failure(sampleJourney(), 'binding.set', { targetId: 'stage:order', rule: { activities: [] } }).code,
    ).toBe('INVALID_COMMAND_INPUT');
    expect(failure(sampleJourney(), 'binding.set', { targetId: 'stage:order', rule, metric: 'x' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
