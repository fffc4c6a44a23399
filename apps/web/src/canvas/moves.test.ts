import { describe, expect, it } from 'vitest';
import { sampleJourney } from '../demo/sampleJourney';
import { cellKey, layoutGrid } from './gridLayout';
import { dropMoves, keyboardMove, shiftPlacement } from './moves';

describe('card and stage moves', () => {
  const doc = sampleJourney(60);
  const layout = layoutGrid(doc);
  const cell = layout.cells.get(cellKey('lane:actions', 'stage:s1'))!;

  it('reorders within a cell and stops at the edges', () => {
    expect(keyboardMove(layout, cell[1]!.card.id, 'up')).toMatchObject({
      before: cell[0]!.card.id,
      stageId: 'stage:s1',
    });
    expect(keyboardMove(layout, cell[0]!.card.id, 'up')).toBeUndefined();
  });

  it('moves to the neighbouring stage and lane', () => {
    expect(keyboardMove(layout, cell[0]!.card.id, 'right')).toMatchObject({
      stageId: 'stage:s2',
      laneId: 'lane:actions',
      position: 'end',
    });
    // The emotion lane holds no cards, so "lane down" from thinking skips it.
    const thought = layout.cells.get(cellKey('lane:thoughts', 'stage:s1'))![0]!.card.id;
    expect(keyboardMove(layout, thought, 'lane-down')).toMatchObject({ laneId: 'lane:touchpoints' });
  });

  it('chains dropped cards after each other', () => {
    const moves = dropMoves(['card:a', 'card:b'], {
      laneId: 'lane:x',
      stageId: 'stage:y',
      beforeCardId: 'card:z',
    });
    expect(moves).toEqual([
      { id: 'card:a', laneId: 'lane:x', stageId: 'stage:y', stepId: null, before: 'card:z' },
      { id: 'card:b', laneId: 'lane:x', stageId: 'stage:y', stepId: null, after: 'card:a' },
    ]);
  });

  it('shifts stages by one', () => {
    expect(shiftPlacement(doc.stages, 'stage:s0', -1)).toBeUndefined();
    expect(shiftPlacement(doc.stages, 'stage:s0', 1)).toEqual({ after: 'stage:s1' });
  });
});
