import { cellKey, type GridLayout } from './gridLayout';

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The cell (lane × column) a card sits in. */
export interface CellAddress {
  laneId: string;
  columnKey: string;
}

export function cellOfCard(
  layout: GridLayout,
  cardId: string,
): (CellAddress & { position: number }) | undefined {
  for (const [key, boxes] of layout.cells) {
    const position = boxes.findIndex((box) => box.card.id === cardId);
    if (position !== -1) {
      const [laneId, columnKey] = key.split('|') as [string, string];
      return { laneId, columnKey, position };
    }
  }
  return undefined;
}

/** Lanes that hold cards (not the emotion curve, not collapsed), top to bottom. */
const cardRows = (layout: GridLayout) =>
  layout.rows.filter((row) => row.kind !== 'emotions' && !row.isCollapsed);
const openColumns = (layout: GridLayout) => layout.columns.filter((column) => !column.isCollapsed);

/** The cell next to a cell, skipping collapsed rows and columns; undefined at the edge. */
export function neighborCell(
  layout: GridLayout,
  from: CellAddress,
  direction: Direction,
): CellAddress | undefined {
  const rows = cardRows(layout);
  const columns = openColumns(layout);
  const row = rows.findIndex((box) => box.lane.id === from.laneId);
  const column = columns.findIndex((box) => box.key === from.columnKey);
  if (row === -1 || column === -1) return undefined;
  const nextRow = direction === 'up' ? row - 1 : direction === 'down' ? row + 1 : row;
  const nextColumn = direction === 'left' ? column - 1 : direction === 'right' ? column + 1 : column;
  const lane = rows[nextRow];
  const target = columns[nextColumn];
  return lane && target ? { laneId: lane.lane.id, columnKey: target.key } : undefined;
}

/**
 * Where arrow keys take the focus from a card: up/down within its cell first, then to the
 * nearest card of the neighbouring cell (skipping empty cells). Returns a card id, or a cell when
 * the neighbouring cell is empty so the user can add a card there.
 */
export function nextFocus(
  layout: GridLayout,
  cardId: string,
  direction: Direction,
): { cardId: string } | { cell: CellAddress } | undefined {
  const at = cellOfCard(layout, cardId);
  if (!at) return undefined;
  const here = layout.cells.get(cellKey(at.laneId, at.columnKey)) ?? [];
  if (direction === 'up' && at.position > 0) return { cardId: here[at.position - 1]!.card.id };
  if (direction === 'down' && at.position < here.length - 1)
    return { cardId: here[at.position + 1]!.card.id };
  const cell = neighborCell(layout, at, direction);
  if (!cell) return undefined;
  const there = layout.cells.get(cellKey(cell.laneId, cell.columnKey)) ?? [];
  if (there.length === 0) return { cell };
  const pick =
    direction === 'up'
      ? there.length - 1
      : direction === 'down'
        ? 0
        : Math.min(at.position, there.length - 1);
  return { cardId: there[pick]!.card.id };
}
