import { describe, expect, it } from 'vitest';
import { stepsOf } from '../../selectors';
import { failure, run, sampleJourney, testContext } from '../testSupport';

describe('step.add', () => {
  it('adds steps in order within their stage', () => {
    const ctx = testContext();
    let doc = run(sampleJourney(), 'step.add', { stageId: 'stage:order', name: 'Confirm' }, ctx);
    doc = run(
      doc,
      'step.add',
      { stageId: 'stage:order', name: 'Basket', id: 'step:basket', before: 'step:cart' },
      ctx,
    );
    expect(stepsOf(doc, 'stage:order').map((step) => step.name)).toEqual([
      'Basket',
      'Cart',
      'Pay',
      'Confirm',
    ]);
    doc = run(
      doc,
      'step.add',
      { stageId: 'stage:discover', name: 'Search', description: 'Uses a search engine' },
      ctx,
    );
    expect(stepsOf(doc, 'stage:discover')).toHaveLength(1);
  });

  it('fails for a missing stage, an empty name and unknown fields', () => {
    expect(failure(sampleJourney(), 'step.add', { stageId: 'stage:nope', name: 'X' }).code).toBe(
      'STAGE_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'step.add', { stageId: 'stage:order', name: '' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(
      failure(sampleJourney(), 'step.add', { stageId: 'stage:order', name: 'X', laneId: 'lane:a' }).code,
    ).toBe('INVALID_COMMAND_INPUT');
  });
});
