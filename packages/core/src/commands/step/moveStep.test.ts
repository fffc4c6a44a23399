import { describe, expect, it } from 'vitest';
import { stepsOf } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

describe('step.move', () => {
  it('reorders steps within a stage', () => {
    const doc = run(sampleJourney(), 'step.move', { id: 'step:pay', position: 'start' });
    expect(stepsOf(doc, 'stage:order').map((step) => step.id)).toEqual(['step:pay', 'step:cart']);
  });

  it('moves a step to another stage with its cards and emotion point', () => {
    const doc = run(sampleJourney(), 'step.move', { id: 'step:pay', stageId: 'stage:receive' });
    expect(stepsOf(doc, 'stage:receive').map((step) => step.id)).toEqual(['step:pay']);
    expect(doc.cards.find((card) => card.id === 'card:fees')).toMatchObject({
      stageId: 'stage:receive',
      stepId: 'step:pay',
    });
    expect(doc.emotions.find((point) => point.id === 'emotion:pay')!.stageId).toBe('stage:receive');
  });

  it('fails for a missing step or stage and unknown fields', () => {
    expect(failure(sampleJourney(), 'step.move', { id: 'step:nope' }).code).toBe('STEP_NOT_FOUND');
    expect(failure(sampleJourney(), 'step.move', { id: 'step:pay', stageId: 'stage:nope' }).code).toBe(
      'STAGE_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'step.move', { id: 'step:pay', laneId: 'lane:pain' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
