import { describe, expect, it } from 'vitest';
import { failure, run, sampleJourney } from '../testSupport';

describe('step.update', () => {
  it('renames a step and sets or clears its description', () => {
    const doc = run(sampleJourney(), 'step.update', {
      id: 'step:pay',
      name: 'Payment',
      description: 'Card or wallet',
    });
    expect(doc.steps[1]).toMatchObject({
      name: 'Payment',
      description: 'Card or wallet',
      stageId: 'stage:order',
    });
    expect(
      run(doc, 'step.update', { id: 'step:pay', description: null }).steps[1]!.description,
    ).toBeUndefined();
  });

  it('fails for a missing step and unknown fields', () => {
    expect(failure(sampleJourney(), 'step.update', { id: 'step:nope', name: 'X' }).code).toBe(
      'STEP_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'step.update', { id: 'step:pay', stageId: 'stage:discover' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
