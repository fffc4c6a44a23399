import { memo, useState, type DragEvent } from 'react';
import { useEditorStable } from '../editor/EditorContext';
import { useCanEdit } from '../editor/useEditorState';
import { CardView } from './CardView';
import { dropMoves } from './moves';
import type { CardBox, ColumnBox, RowBox } from './gridLayout';
import { CARD_MIME } from './dragData';

interface Props {
  row: RowBox;
  column: ColumnBox;
  boxes: CardBox[];
  cardLimit: number;
}

/**
 * One lane × column cell: its cards, a drop zone for dragged cards, and an "add card" button.
 * Memoized on its layout objects (kept by reuseLayout while unchanged), so saving one card does
 * not re-render the other cells.
 */
export const GridCell = memo(function GridCell({ row, column, boxes, cardLimit }: Props) {
  const editor = useEditorStable();
  const [isDropTarget, setDropTarget] = useState(false);
  const canEdit = useCanEdit();
  const target = {
    laneId: row.lane.id,
    stageId: column.stageId,
    ...(column.stepId ? { stepId: column.stepId } : {}),
  };

  const onDrop = (event: DragEvent) => {
    setDropTarget(false);
    const raw = event.dataTransfer.getData(CARD_MIME);
    if (!raw) return;
    event.preventDefault();
    const ids = JSON.parse(raw) as string[];
    // Drop before the card under the pointer, else at the end of the cell.
    const cellTop = (event.currentTarget as HTMLElement).getBoundingClientRect().top;
    const pointerY = event.clientY - cellTop + row.y;
    const before = boxes.find((box) => pointerY < box.y + box.height / 2 && !ids.includes(box.card.id));
    const moves = dropMoves(ids, { ...target, ...(before ? { beforeCardId: before.card.id } : {}) });
    editor.runBatch(
      moves.map((input) => ({ command: 'card.move', input })),
      'dragDrop',
    );
  };

  if (row.isCollapsed || column.isCollapsed) {
    return (
      <div
        role="gridcell"
        className="grid-cell is-collapsed"
        style={{ left: column.x, width: column.width }}
      />
    );
  }
  return (
    <div
      role="gridcell"
      className={`grid-cell${isDropTarget ? ' is-drop-target' : ''}`}
      style={{ left: column.x, width: column.width }}
      tabIndex={-1}
      data-kind="cell"
      data-lane-id={row.lane.id}
      data-stage-id={column.stageId}
      data-step-id={column.stepId}
      data-testid={`cell-${row.lane.id}-${column.key}`}
      onDragOver={(event) => {
        if (canEdit && event.dataTransfer.types.includes(CARD_MIME)) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
          setDropTarget(true);
        }
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={onDrop}
    >
      {(boxes.length > cardLimit ? boxes.slice(0, cardLimit) : boxes).map((box) => (
        <CardView
          key={box.card.id}
          box={box}
          laneKind={row.kind}
          offsetX={column.x}
          offsetY={row.y}
          canEdit={canEdit}
        />
      ))}
      {canEdit && (
        <button
          type="button"
          className="add-card"
          data-testid="cell.add-card"
          aria-label={`Add card to ${row.lane.label}, ${column.label}`}
          onClick={() => editor.perform('card.add', { kind: 'cell', ...target }, 'ui')}
        >
          + Add
        </button>
      )}
    </div>
  );
});
