import { memo, useCallback, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { EmotionPoint, Journey } from '@trailmap/schema';
import { useEditorStable } from '../editor/EditorContext';
import { useCanEdit, useDocSelector, useViewSelector } from '../editor/useEditorState';
import type { ViewState } from '../editor/viewState';
import { emojiFor, scoreToY, smoothPath, yToScore } from './emotionGeometry';
import { EvidenceBadge } from './EvidenceBadge';
import { summarizeEvidence } from './evidenceSummary';
import { evidenceIndex } from './renderMetrics';
import type { ColumnBox, RowBox } from './gridLayout';

const selectEmotions = (doc: Journey) => doc.emotions;
const selectEvidence = (doc: Journey) => doc.evidence;
const selectInspected = (view: ViewState) => view.emotionAt;
/** Pixels a pointer must travel before a press on a point becomes a drag instead of a click. */
const DRAG_THRESHOLD = 3;

interface Props {
  row: RowBox;
  columns: ColumnBox[];
  width: number;
}

/**
 * The emotion curve: one point per column (stage or step), with its emoji and evidence badge.
 * Drag (or arrow keys) to change the score; click (or Enter) to open its evidence and note.
 */
export const EmotionLane = memo(function EmotionLane({ row, columns: allColumns, width }: Props) {
  const editor = useEditorStable();
  const emotions = useDocSelector(selectEmotions);
  const evidence = evidenceIndex(useDocSelector(selectEvidence));
  const inspected = useViewSelector(selectInspected);
  const [drag, setDrag] = useState<{ key: string; score: number } | undefined>();
  const press = useRef<{ key: string; top: number; startY: number; isDragging: boolean } | undefined>(
    undefined,
  );
  const canEdit = useCanEdit();
  const columns = allColumns.filter((column) => !column.isCollapsed);
  const pointOf = (column: ColumnBox): EmotionPoint | undefined =>
    emotions.find((emotion) => emotion.stageId === column.stageId && emotion.stepId === column.stepId);
  const scoreOf = (column: ColumnBox) => (drag?.key === column.key ? drag.score : pointOf(column)?.score);
  const set = (column: ColumnBox, score: number) =>
    editor.run(
      'emotion.set',
      { stageId: column.stageId, ...(column.stepId ? { stepId: column.stepId } : {}), score },
      'ui',
    );
  const inspect = useCallback(
    (column: ColumnBox) =>
      editor.viewStore.set((view) => ({
        ...view,
        selection: [],
        opportunityId: undefined,
        panel: 'none',
        emotionAt: { stageId: column.stageId, ...(column.stepId ? { stepId: column.stepId } : {}) },
      })),
    [editor.viewStore],
  );

  const placed = columns
    .map((column) => ({ column, score: scoreOf(column) }))
    .filter((entry): entry is { column: ColumnBox; score: number } => entry.score !== undefined)
    .map(({ column, score }) => ({ x: column.x + column.width / 2, y: scoreToY(score, row.height) }));

  const onPointerDown = (column: ColumnBox) => (event: PointerEvent<HTMLElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    const top = event.currentTarget.parentElement!.getBoundingClientRect().top;
    press.current = { key: column.key, top, startY: event.clientY, isDragging: false };
  };
  const onPointerMove = (column: ColumnBox) => (event: PointerEvent<HTMLElement>) => {
    const current = press.current;
    if (!canEdit || current?.key !== column.key) return;
    if (!current.isDragging && Math.abs(event.clientY - current.startY) < DRAG_THRESHOLD) return;
    current.isDragging = true;
    setDrag({ key: column.key, score: yToScore(event.clientY - current.top, row.height) });
  };
  const onPointerUp = (column: ColumnBox) => () => {
    const current = press.current;
    press.current = undefined;
    if (current?.key !== column.key) return;
    if (!current.isDragging) {
      inspect(column);
      return;
    }
    if (drag && drag.score !== pointOf(column)?.score) set(column, drag.score);
    editor.session.stopCapturing();
    setDrag(undefined);
  };
  const onKeyDown = (column: ColumnBox) => (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      inspect(column);
      return;
    }
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
        const point = pointOf(column);
        const score = scoreOf(column);
        const summary = summarizeEvidence(point?.evidenceIds ?? [], evidence);
        const isInspected = inspected?.stageId === column.stageId && inspected.stepId === column.stepId;
        const valueText = score === undefined ? 'not set' : `${score > 0 ? '+' : ''}${score}`;
        const evidenceText =
          summary.kind === 'assumption'
            ? ', based on assumption'
            : summary.kind === 'research'
              ? `, evidence: ${summary.label}`
              : '';
        const classes = [
          'emotion-point',
          score === undefined && 'is-unset',
          drag?.key === column.key && 'is-dragging',
          isInspected && 'is-selected',
        ];
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
                aria-label={`Emotion in ${column.label}`}
                aria-valuemin={-2}
                aria-valuemax={2}
                aria-valuenow={score ?? 0}
                aria-valuetext={`${valueText}${evidenceText}`}
                aria-readonly={!canEdit}
                className={classes.filter(Boolean).join(' ')}
                style={{ left: column.width / 2, top: scoreToY(score ?? 0, row.height) }}
                data-kind="emotion"
                data-stage-id={column.stageId}
                data-step-id={column.stepId}
                data-testid={`emotion-point-${column.key}`}
                data-score={score}
                onPointerDown={onPointerDown(column)}
                onPointerMove={onPointerMove(column)}
                onPointerUp={onPointerUp(column)}
                onPointerCancel={() => {
                  press.current = undefined;
                  setDrag(undefined);
                }}
                onKeyDown={onKeyDown(column)}
              >
                <span aria-hidden="true">
                  {point?.emoji ?? (score === undefined ? '+' : emojiFor(score))}
                </span>
                <span className="emotion-evidence" aria-hidden="true">
                  <EvidenceBadge summary={summary} testIdPrefix="emotion" compact />
                </span>
              </div>
            )}
          </div>
        );
      })}
    </>
  );
});
