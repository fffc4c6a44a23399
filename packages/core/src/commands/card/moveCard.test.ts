import { describe, expect, it } from 'vitest';
import { cardsIn } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

const find = (doc: ReturnType<typeof sampleJourney>, id: string) => doc.cards.find((card) => card.id === id)!;

describe('card.move', () => {
  it('reorders within the cell', () => {
    const doc = run(sampleJourney(), 'card.move', { id: 'card:compare', before: 'card:search' });
    expect(cardsIn(doc, 'lane:actions', 'stage:discover').map((card) => card.id)).toEqual([
      'card:compare',
      'card:search',
    ]);
  });

  it('moves to another lane and stage, keeping id, connections and problem links', () => {
    const doc = run(sampleJourney(), 'card.move', {
      id: 'card:fees',
      laneId: 'lane:actions',
      stageId: 'stage:discover',
      position: 'start',
    });
    expect(find(doc, 'card:fees')).toMatchObject({ laneId: 'lane:actions', stageId: 'stage:discover' });
    expect(find(doc, 'card:fees').stepId).toBeUndefined();
    expect(cardsIn(doc, 'lane:actions', 'stage:discover')[0]!.id).toBe('card:fees');
    expect(doc.opportunities[0]!.problemCardIds).toContain('card:fees');
    const app = run(sampleJourney(), 'card.move', { id: 'card:app', stageId: 'stage:receive' });
    expect(app.connections).toHaveLength(1);
  });

  it('moves onto a step of another stage given only the step', () => {
    const doc = run(sampleJourney(), 'card.move', { id: 'card:search', stepId: 'step:cart' });
    expect(find(doc, 'card:search')).toMatchObject({ stageId: 'stage:order', stepId: 'step:cart' });
    expect(failure(sampleJourney(), 'card.move', { id: 'card:search', stepId: 'step:nope' }).code).toBe(
      'STEP_NOT_FOUND',
    );
  });

  it('moves between steps and off a step', () => {
    const toCart = run(sampleJourney(), 'card.move', { id: 'card:fees', stepId: 'step:cart' });
    expect(find(toCart, 'card:fees')).toMatchObject({ stageId: 'stage:order', stepId: 'step:cart' });
    const offStep = run(sampleJourney(), 'card.move', { id: 'card:fees', stepId: null });
    expect('stepId' in find(offStep, 'card:fees')).toBe(false);
  });

  it('validates the target cell', () => {
    expect(failure(sampleJourney(), 'card.move', { id: 'card:nope', laneId: 'lane:pain' }).code).toBe(
      'CARD_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'card.move', { id: 'card:fees', laneId: 'lane:nope' }).code).toBe(
      'LANE_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'card.move', { id: 'card:fees', stageId: 'stage:nope' }).code).toBe(
      'STAGE_NOT_FOUND',
    );
    const outside = { id: 'card:search', stageId: 'stage:discover', stepId: 'step:pay' };
    expect(failure(sampleJourney(), 'card.move', outside).code).toBe('STEP_OUTSIDE_STAGE');
    expect(failure(sampleJourney(), 'card.move', { id: 'card:fees', text: 'x' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
