import { describe, expect, it } from 'vitest';
import { cardsIn, orderedStages, stepsOf } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

describe('stage.duplicate', () => {
  it('copies the stage, its steps, cards and emotion points after the original', () => {
    const doc = run(sampleJourney(), 'stage.duplicate', {
      id: 'stage:order',
      newId: 'stage:order2',
      name: 'Reorder',
    });
    expect(orderedStages(doc).map((stage) => stage.id)).toEqual([
      'stage:discover',
      'stage:order',
      'stage:order2',
      'stage:receive',
    ]);
    const steps = stepsOf(doc, 'stage:order2');
    expect(steps.map((step) => step.name)).toEqual(['Cart', 'Pay']);
    const payCopy = steps[1]!.id;
    expect(cardsIn(doc, 'lane:pain', 'stage:order2', payCopy).map((card) => card.text)).toEqual([
      'Fees shown late',
    ]);
    expect(doc.emotions.find((point) => point.stepId === payCopy)).toMatchObject({
      stageId: 'stage:order2',
      score: -2,
    });
    expect(doc.cards).toHaveLength(8);
    expect(doc.connections).toHaveLength(1);
  });

  it('fails for a missing stage, a taken id and unknown fields', () => {
    expect(failure(sampleJourney(), 'stage.duplicate', { id: 'stage:nope' }).code).toBe('STAGE_NOT_FOUND');
    expect(
      failure(sampleJourney(), 'stage.duplicate', { id: 'stage:order', newId: 'stage:receive' }).code,
    ).toBe('ID_TAKEN');
    expect(failure(sampleJourney(), 'stage.duplicate', { id: 'stage:order', deep: true }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
