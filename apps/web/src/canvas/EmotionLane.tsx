import { memo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Journey } from '@trailmap/schema';
import { useEditorStable } from '../editor/EditorContext';
import { useCanEdit, useDocSelector } from '../editor/useEditorState';
import { emojiFor, scoreToY, smoothPath, yToScore } from './emotionGeometry';
import type { ColumnBox, RowBox } from './gridLayout';

const selectEmotions = (doc: Journey) => doc.emotions;

interface Props {
  row: RowBox;
  columns: ColumnBox[];
  width: number;
}

/** The emotion curve: one draggable point per column (stage or step), with its emoji. */
export const EmotionLane = memo(function EmotionLane({ row, columns: allColumns, width }: Props) {
  const editor = useEditorStable();
  const emotions = useDocSelector(selectEmotions);
  const [drag, setDrag] = useState<{ key: string; score: number } | undefined>();
  const dragStart = useRef<number>(0);
  const canEdit = useCanEdit();
  const columns = allColumns.filter((column) => !column.isCollapsed);
  const pointOf = (column: ColumnBox) =>
    emotions.find((emotion) => emotion.stageId === column.stageId && emotion.stepId === column.stepId);
  const scoreOf = (column: ColumnBox) => (drag?.key === column.key ? drag.score : pointOf(column)?.score);
  const set = (column: ColumnBox, score: number) =>
    editor.run(
      'emotion.set',
      { stageId: column.stageId, ...(column.stepId ? { stepId: column.stepId } : {}), score },
      'ui',
    );

  const placed = columns
    .map((column) => ({ column, score: scoreOf(column) }))
    .filter((entry): entry is { column: ColumnBox; score: number } => entry.score !== undefined)
    .map(({ column, score }) => ({ x: column.x + column.width / 2, y: scoreToY(score, row.height) }));

  const onPointerDown = (column: ColumnBox) => (event: PointerEvent<HTMLElement>) => {
    if (!canEdit) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    dragStart.current = event.currentTarget.parentElement!.getBoundingClientRect().top;
    setDrag({ key: column.key, score: yToScore(event.clientY - dragStart.current, row.height) });
  };
  const onPointerMove = (column: ColumnBox) => (event: PointerEvent<HTMLElement>) => {
    if (drag?.key !== column.key) return;
    setDrag({ key: column.key, score: yToScore(event.clientY - dragStart.current, row.height) });
  };
  const onPointerUp = (column: ColumnBox) => () => {
    if (drag?.key !== column.key) return;
    if (drag.score !== pointOf(column)?.score) set(column, drag.score);
    editor.session.stopCapturing();
    setDrag(undefined);
  };
  const onKeyDown = (column: ColumnBox) => (event: KeyboardEvent) => {
    const delta = { ArrowUp: 0.5, ArrowDown: -0.5, PageUp: 1, PageDown: -1 }[event.key];
    if (delta === undefined || !canEdit) return;
    event.preventDefault();
    event.stopPropagation();
    set(column, Math.max(-2, Math.min(2, (pointOf(column)?.score ?? 0) + delta)));
  };

  return (
    <>
      <svg className="emotion-curve" width={width} height={row.height} aria-hidden="true">
        <line
          x1={columns[0]?.x ?? 0}
          x2={width}
          y1={scoreToY(0, row.height)}
          y2={scoreToY(0, row.height)}
          className="emotion-zero"
        />
        <path d={smoothPath(placed)} className="emotion-path" data-testid="emotion-path" />
      </svg>
      {allColumns.map((column) => {
        const score = scoreOf(column);
        const label = `Emotion in ${column.label}`;
        return (
          <div
            role="gridcell"
            key={column.key}
            className="grid-cell emotion-cell"
            style={{ left: column.x, width: column.width }}
          >
            {!column.isCollapsed && (
              <div
                role="slider"
                tabIndex={0}
                aria-label={label}
                aria-valuemin={-2}
                aria-valuemax={2}
                aria-valuenow={score ?? 0}
                aria-valuetext={score === undefined ? 'not set' : `${score > 0 ? '+' : ''}${score}`}
                aria-readonly={!canEdit}
                className={`emotion-point${score === undefined ? ' is-unset' : ''}${drag?.key === column.key ? ' is-dragging' : ''}`}
                style={{ left: column.width / 2, top: scoreToY(score ?? 0, row.height) }}
                data-kind="emotion"
                data-stage-id={column.stageId}
                data-step-id={column.stepId}
                data-testid={`emotion-point-${column.key}`}
                data-score={score}
                onPointerDown={onPointerDown(column)}
                onPointerMove={onPointerMove(column)}
                onPointerUp={onPointerUp(column)}
                onPointerCancel={() => setDrag(undefined)}
                onKeyDown={onKeyDown(column)}
              >
                <span aria-hidden="true">
                  {pointOf(column)?.emoji ?? (score === undefined ? '+' : emojiFor(score))}
                </span>
              </div>
            )}
          </div>
        );
      })}
    </>
  );
});
