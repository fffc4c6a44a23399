import { describe, expect, it } from 'vitest';
import { validateJourney } from '@trailmap/schema';
import { sampleJourney } from '../demo/sampleJourney';
import { cellKey, layoutGrid, GRID_METRICS } from './gridLayout';
import { nextFocus } from './navigation';

describe('grid layout', () => {
  const doc = sampleJourney(60);

  it('uses a valid document', () => {
    expect(validateJourney(doc).ok).toBe(true);
  });

  it('places one column per stage and one row per lane', () => {
    const layout = layoutGrid(doc);
    expect(layout.columns).toHaveLength(doc.stages.length);
    expect(layout.rows.map((row) => row.lane.id)).toEqual(doc.lanes.map((lane) => lane.id));
    expect(layout.cards).toHaveLength(60);
    expect(layout.width).toBe(GRID_METRICS.laneHeaderWidth + doc.stages.length * GRID_METRICS.columnWidth);
  });

  it('keeps every card inside its row', () => {
    const layout = layoutGrid(doc);
    for (const row of layout.rows) {
      for (const box of layout.cards.filter((candidate) => candidate.card.laneId === row.lane.id)) {
        expect(box.y).toBeGreaterThanOrEqual(row.y);
        expect(box.y + box.height).toBeLessThanOrEqual(row.y + row.height);
      }
    }
  });

  it('hides the cards of collapsed stages and narrows them', () => {
    const layout = layoutGrid(doc, new Set(['stage:s0']));
    expect(layout.columns[0]!.width).toBe(GRID_METRICS.collapsedColumnWidth);
    expect(layout.cards.some((box) => box.card.stageId === 'stage:s0')).toBe(false);
  });

  it('moves focus across cells with arrow keys', () => {
    const layout = layoutGrid(doc);
    const first = layout.cells.get(cellKey('lane:actions', 'stage:s0'))![0]!.card.id;
    const right = nextFocus(layout, first, 'right');
    expect(
      right && 'cardId' in right && layout.cards.find((box) => box.card.id === right.cardId)!.card.stageId,
    ).toBe('stage:s1');
    expect(nextFocus(layout, first, 'left')).toBeUndefined();
  });
});
