import { describe, expect, it } from 'vitest';
import { validateJourney } from '@trailmap/schema';
import { sampleJourney } from '../demo/sampleJourney';
import { layoutJourney, type RectNode } from '@trailmap/render';
import { TEMPLATES, templateExample } from '@trailmap/core';
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
    expect(layout.columns[0]!.x).toBe(GRID_METRICS.laneHeaderWidth);
  });

  it.each(TEMPLATES.map((template) => template.id))('matches the poster layout of render for %s', (id) => {
    const example = templateExample(id);
    const poster = layoutJourney(example);
    const screen = layoutGrid(example);
    const posterLeft = poster.columns[0]!.x;
    expect(
      screen.columns.map((c) => [c.stageId, c.stepId, c.x - GRID_METRICS.laneHeaderWidth, c.width]),
    ).toEqual(poster.columns.map((c) => [c.stageId, c.stepId, c.x - posterLeft, c.width]));
    const posterCards = new Map(
      poster.nodes
        .filter(
          (node): node is RectNode =>
            node.kind === 'rect' && node.style.startsWith('card.') && !!node.recordId,
        )
        .map((node) => [node.recordId!, node]),
    );
    expect(screen.cards.length).toBe(posterCards.size);
    for (const box of screen.cards) {
      const rect = posterCards.get(box.card.id)!;
      expect([box.card.id, box.width, box.height]).toEqual([box.card.id, rect.width, rect.height]);
    }
    const rowHeights = new Map(poster.rows.map((row) => [row.laneId, row.height]));
    for (const row of screen.rows)
      expect([row.lane.id, row.height]).toEqual([row.lane.id, rowHeights.get(row.lane.id)]);
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
