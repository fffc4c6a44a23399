import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('stage.update', () => {
  it('renames and sets the goal, description and duration', () => {
    const doc = run(sampleJourney(), 'stage.update', {
      id: 'stage:order',
      name: 'Checkout',
      goal: 'Pay quickly',
      duration: { min: 5, max: 15, unit: 'minutes' },
    });
    expect(doc.stages[1]).toMatchObject({
      name: 'Checkout',
      goal: 'Pay quickly',
      duration: { min: 5, max: 15, unit: 'minutes' },
      index: 'a1',
    });
    const cleared = run(doc, 'stage.update', { id: 'stage:order', duration: null, goal: null });
    expect(cleared.stages[1]).toEqual({ id: 'stage:order', index: 'a1', name: 'Checkout' });
  });

  it('fails for a missing stage, an empty or null name and unknown fields', () => {
    expect(failure(sampleJourney(), 'stage.update', { id: 'stage:nope', name: 'X' }).code).toBe(
      'STAGE_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'stage.update', { id: 'stage:order', name: '' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'stage.update', { id: 'stage:order', name: null }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'stage.update', { id: 'stage:order', index: 'a5' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
