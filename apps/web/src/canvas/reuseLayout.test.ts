import { describe, expect, it } from 'vitest';
import { executeCommand } from '@trailmap/core';
import { sampleJourney } from '../demo/sampleJourney';
import { browserCommandContext } from '../session/commandContext';
import { cellKey, layoutGrid } from './gridLayout';
import { reuseLayout } from './reuseLayout';

const run = (doc: ReturnType<typeof sampleJourney>, command: string, input: unknown) =>
  executeCommand(doc, { command, input }, browserCommandContext()).doc;

describe('reusing the previous layout', () => {
  const before = sampleJourney(200);
  const previous = layoutGrid(before);
  const edited = before.cards[7]!;

  it('keeps every unchanged cell and card, and only those', () => {
    const doc = run(before, 'card.update', { id: edited.id, text: `${edited.text}!` });
    const next = reuseLayout(layoutGrid(doc), previous);
    expect(next).toEqual(layoutGrid(doc));
    const editedKey = cellKey(edited.laneId, edited.stageId);
    for (const [key, boxes] of next.cells) {
      if (key === editedKey) expect(boxes).not.toBe(previous.cells.get(key));
      else expect(boxes).toBe(previous.cells.get(key));
    }
    const changed = next.cards.filter((box, i) => box !== previous.cards[i]);
    expect(changed.map((box) => box.card.id)).toEqual([edited.id]);
    expect(next.rows).toBe(previous.rows);
    expect(next.columns).toBe(previous.columns);
    expect(next.stages).toBe(previous.stages);
  });

  it('moves the cards below a card that grew, and the row when the lane grew', () => {
    const long = 'A much longer text that wraps onto several lines of the card. '.repeat(3);
    const doc = run(before, 'card.update', { id: edited.id, text: long });
    const next = reuseLayout(layoutGrid(doc), previous);
    expect(next).toEqual(layoutGrid(doc));
    const key = cellKey(edited.laneId, edited.stageId);
    const cell = next.cells.get(key)!;
    const at = cell.findIndex((box) => box.card.id === edited.id);
    for (const box of cell.slice(at + 1))
      expect(box.y).toBeGreaterThan(previous.cards.find((b) => b.card.id === box.card.id)!.y);
  });

  it('returns the new layout as is when nothing came before', () => {
    const layout = layoutGrid(before);
    expect(reuseLayout(layout, undefined)).toBe(layout);
  });
});
