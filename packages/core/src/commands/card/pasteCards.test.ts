import { describe, expect, it } from 'vitest';
import { cardsIn } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

const copied = [
  {
    id: 'card:x1',
    laneId: 'lane:elsewhere',
    stageId: 'stage:elsewhere',
    index: 'a0',
    text: 'First',
    tags: ['a'],
    evidenceIds: ['evidence:elsewhere'],
  },
  { text: 'Second', color: 'green' },
];

describe('cards.paste', () => {
  it('pastes copied cards in order into a cell with fresh ids', () => {
    const doc = run(sampleJourney(), 'cards.paste', {
      cards: copied,
      laneId: 'lane:actions',
      stageId: 'stage:discover',
      after: 'card:search',
    });
    const cell = cardsIn(doc, 'lane:actions', 'stage:discover');
    expect(cell.map((card) => card.text)).toEqual([
      'Searches for a shop',
      'First',
      'Second',
      'Compares delivery fees',
    ]);
    expect(cell[1]).toMatchObject({ id: 'card:t1', tags: ['a'], evidenceIds: [], laneId: 'lane:actions' });
    expect(cell[2]).toMatchObject({ id: 'card:t2', color: 'green', tags: [] });
  });

  it('pastes twice without id clashes, even when the id generator restarts', () => {
    const input = { cards: copied, laneId: 'lane:pain', stageId: 'stage:order', stepId: 'step:pay' };
    const twice = run(run(sampleJourney(), 'cards.paste', input), 'cards.paste', input);
    const pasted = cardsIn(twice, 'lane:pain', 'stage:order', 'step:pay').map((card) => card.id);
    expect(pasted).toEqual(['card:fees', 'card:t1', 'card:t2', 'card:t3', 'card:t4']);
  });

  it('checks the target cell and the input', () => {
    const base = { cards: copied, laneId: 'lane:actions', stageId: 'stage:discover' };
    expect(failure(sampleJourney(), 'cards.paste', { ...base, laneId: 'lane:nope' }).code).toBe(
      'LANE_NOT_FOUND',
    );
    expect(failure(sampleJourney(), 'cards.paste', { ...base, stepId: 'step:pay' }).code).toBe(
      'STEP_OUTSIDE_STAGE',
    );
    expect(failure(sampleJourney(), 'cards.paste', { ...base, cards: [] }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'cards.paste', { ...base, cards: [{ text: 'x', votes: 3 }] }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
