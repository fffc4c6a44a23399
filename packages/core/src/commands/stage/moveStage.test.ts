import { describe, expect, it } from 'vitest';
import { orderedStages } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

const order = (doc: ReturnType<typeof sampleJourney>) => orderedStages(doc).map((stage) => stage.id);

describe('stage.move', () => {
  it('moves a stage before, after, to the start and to the end', () => {
    expect(order(run(sampleJourney(), 'stage.move', { id: 'stage:receive', position: 'start' }))).toEqual([
      'stage:receive',
      'stage:discover',
      'stage:order',
    ]);
    expect(order(run(sampleJourney(), 'stage.move', { id: 'stage:discover', after: 'stage:order' }))).toEqual(
      ['stage:order', 'stage:discover', 'stage:receive'],
    );
    expect(order(run(sampleJourney(), 'stage.move', { id: 'stage:receive', before: 'stage:order' }))).toEqual(
      ['stage:discover', 'stage:receive', 'stage:order'],
    );
    expect(order(run(sampleJourney(), 'stage.move', { id: 'stage:discover' }))).toEqual([
      'stage:order',
      'stage:receive',
      'stage:discover',
    ]);
  });

  it('keeps the cards of the stage attached', () => {
    const doc = run(sampleJourney(), 'stage.move', { id: 'stage:order', position: 'start' });
    expect(doc.cards.filter((card) => card.stageId === 'stage:order')).toHaveLength(2);
  });

  it('fails for a missing stage and unknown fields', () => {
    expect(failure(sampleJourney(), 'stage.move', { id: 'stage:nope' }).code).toBe('STAGE_NOT_FOUND');
    expect(failure(sampleJourney(), 'stage.move', { id: 'stage:order', to: 2 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
