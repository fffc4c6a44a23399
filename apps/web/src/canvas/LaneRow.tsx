import { EmotionLane } from './EmotionLane';
import { GridCell } from './GridCell';
import { LaneHeader } from './LaneHeader';
import { LINE_LABELS } from './blueprintLines';
import { cellKey, type GridLayout, type RowBox } from './gridLayout';

/**
 * One lane: its header and one cell per column (or the emotion curve). Cheap to re-render: its
 * header, cells and curve are memoized on the layout objects they draw.
 */
export function LaneRow({
  row,
  rowIndex,
  layout,
  cardLimit,
}: {
  row: RowBox;
  rowIndex: number;
  layout: GridLayout;
  /** Cards rendered per cell (see Canvas: the first commit of a large map). */
  cardLimit: number;
}) {
  const isEmotion = row.kind === 'emotions' && !row.isCollapsed;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className={`lane-row lane-${row.kind}${row.isCollapsed ? ' is-collapsed' : ''}`}
      style={{ top: row.y, height: row.height, width: layout.width }}
      data-testid={`lane-${row.lane.id}`}
    >
      {row.lane.lineAbove && (
        <div
          className={`blueprint-line line-${row.lane.lineAbove}`}
          data-testid={`line-${row.lane.lineAbove}`}
        >
          <span>{LINE_LABELS[row.lane.lineAbove]}</span>
        </div>
      )}
      <LaneHeader row={row} />
      {isEmotion ? (
        <EmotionLane row={row} columns={layout.columns} width={layout.width} />
      ) : (
        layout.columns.map((column) => (
          <GridCell
            key={column.key}
            row={row}
            column={column}
            boxes={layout.cells.get(cellKey(row.lane.id, column.key)) ?? []}
            cardLimit={cardLimit}
          />
        ))
      )}
    </div>
  );
}
