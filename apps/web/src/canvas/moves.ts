import type { Journey } from '@trailmap/schema';
import { sortByIndex } from '@trailmap/core';
import { cellKey, type GridLayout } from './gridLayout';
import { cellOfCard, neighborCell, type Direction } from './navigation';

/** Input of `card.move`: the target cell and where among its cards. */
export interface CardMoveInput {
  id: string;
  laneId: string;
  stageId: string;
  /** `null` puts the card on the stage itself rather than one of its steps. */
  stepId?: string | null;
  before?: string;
  after?: string;
  position?: 'start' | 'end';
}

const columnParts = (columnKey: string) => {
  const [stageId, stepId] = columnKey.split('/') as [string, string | undefined];
  return { stageId, stepId: stepId ?? null };
};

/**
 * The `card.move` input for a keyboard move: up/down reorder within the cell, left/right go to the
 * neighbouring column, `lane-up`/`lane-down` to the neighbouring lane (appended at the end).
 */
export function keyboardMove(
  layout: GridLayout,
  cardId: string,
  direction: Direction | 'lane-up' | 'lane-down',
): CardMoveInput | undefined {
  const at = cellOfCard(layout, cardId);
  if (!at) return undefined;
  const here = layout.cells.get(cellKey(at.laneId, at.columnKey)) ?? [];
  const base = { id: cardId, laneId: at.laneId, ...columnParts(at.columnKey) };
  if (direction === 'up' || direction === 'down') {
    const neighbor = here[at.position + (direction === 'up' ? -1 : 1)];
    if (!neighbor) return undefined;
    return direction === 'up' ? { ...base, before: neighbor.card.id } : { ...base, after: neighbor.card.id };
  }
  const cell = neighborCell(
    layout,
    at,
    direction === 'lane-up' ? 'up' : direction === 'lane-down' ? 'down' : direction,
  );
  if (!cell) return undefined;
  return { id: cardId, laneId: cell.laneId, ...columnParts(cell.columnKey), position: 'end' };
}

/** `card.move` inputs for dropping cards into a cell, before a card (or at the end). */
export function dropMoves(
  cardIds: readonly string[],
  target: { laneId: string; stageId: string; stepId?: string; beforeCardId?: string },
): CardMoveInput[] {
  const moving = cardIds.filter((id) => id !== target.beforeCardId);
  const place = { laneId: target.laneId, stageId: target.stageId, stepId: target.stepId ?? null };
  return moving.map((id, i) => {
    if (i > 0) return { id, ...place, after: moving[i - 1]! };
    return target.beforeCardId
      ? { id, ...place, before: target.beforeCardId }
      : { id, ...place, position: 'end' as const };
  });
}

/** `stage.move`/`lane.move` placement for shifting one step left/up (-1) or right/down (+1). */
export function shiftPlacement(
  siblings: readonly { id: string; index: string }[],
  id: string,
  delta: -1 | 1,
): { before: string } | { after: string } | undefined {
  const ordered = sortByIndex(siblings);
  const at = ordered.findIndex((record) => record.id === id);
  const neighbor = ordered[at + delta];
  if (at === -1 || !neighbor) return undefined;
  return delta === -1 ? { before: neighbor.id } : { after: neighbor.id };
}

/** Cards, in display order, of the selection (for copy and multi-drag). */
export const orderedSelection = (doc: Journey, selection: readonly string[]) =>
  sortByIndex(doc.cards.filter((card) => selection.includes(card.id))).map((card) => card.id);
