import { memo, useState, type DragEvent } from 'react';
import { useEditorStable } from '../editor/EditorContext';
import { useCanEdit, useIsEditing } from '../editor/useEditorState';
import type { StageBox } from './gridLayout';
import { InlineText } from '../ui/InlineText';
import { formatDuration } from './format';
import { StageMetricsStrip } from '../analytics/StageMetricsStrip';

const STAGE_MIME = 'application/x-trailmap-stage';

/** A column header: name (renamed inline), steps, drag to reorder, menu actions via keyboard. */
export const StageHeader = memo(function StageHeader({ box, colIndex }: { box: StageBox; colIndex: number }) {
  const editor = useEditorStable();
  const { stage } = box;
  const [isDropTarget, setDropTarget] = useState(false);
  const isEditing = useIsEditing(stage.id);
  const canEdit = useCanEdit();
  const target = { kind: 'stage' as const, id: stage.id };

  const onDrop = (event: DragEvent) => {
    setDropTarget(false);
    const id = event.dataTransfer.getData(STAGE_MIME);
    if (!id || id === stage.id) return;
    event.preventDefault();
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const isAfter = event.clientX > rect.left + rect.width / 2;
    editor.run('stage.move', { id, ...(isAfter ? { after: stage.id } : { before: stage.id }) }, 'dragDrop');
  };

  return (
    <div
      role="columnheader"
      aria-colindex={colIndex}
      className={`stage-header${isDropTarget ? ' is-drop-target' : ''}${box.isCollapsed ? ' is-collapsed' : ''}`}
      style={{ left: box.x, width: box.width }}
      data-testid={`stage-${stage.id}`}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(STAGE_MIME)) {
          event.preventDefault();
          setDropTarget(true);
        }
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={onDrop}
    >
      <div
        className="stage-title"
        tabIndex={0}
        data-kind="stage"
        data-id={stage.id}
        data-stage-id={stage.id}
        draggable={canEdit && !isEditing}
        onDragStart={(event) => {
          event.dataTransfer.setData(STAGE_MIME, stage.id);
          event.dataTransfer.effectAllowed = 'move';
        }}
        onDoubleClick={() => canEdit && editor.perform('stage.update', target, 'ui')}
        aria-label={`Stage ${stage.name}${box.isCollapsed ? ', collapsed' : ''}`}
      >
        {isEditing ? (
          <InlineText
            label="Stage name"
            value={stage.name}
            testId="stage-name-input"
            onCommit={(name) => {
              editor.viewStore.set((view) => ({ ...view, editingId: undefined }));
              if (name.trim() && name !== stage.name)
                editor.run('stage.update', { id: stage.id, name: name.trim() }, 'ui');
            }}
          />
        ) : (
          <span className="stage-name">{box.isCollapsed ? stage.name.slice(0, 1) : stage.name}</span>
        )}
        {!box.isCollapsed && stage.duration && (
          <span className="stage-duration">{formatDuration(stage.duration)}</span>
        )}
      </div>
      {!box.isCollapsed && <StageMetricsStrip stageId={stage.id} />}
      <div className="stage-tools">
        <button
          type="button"
          className="icon-button"
          aria-label={box.isCollapsed ? `Expand ${stage.name}` : `Collapse ${stage.name}`}
          aria-expanded={!box.isCollapsed}
          onClick={() => editor.perform('stage.collapse', target, 'ui')}
        >
          {box.isCollapsed ? '›' : '‹'}
        </button>
        {canEdit && !box.isCollapsed && (
          <button
            type="button"
            className="icon-button"
            aria-label={`Add a step to ${stage.name}`}
            title="Add a step"
            data-testid="stage-menu.add-step"
            onClick={() =>
              editor.run(
                'step.add',
                { stageId: stage.id, name: `Step ${box.columns.filter((c) => c.stepId).length + 1}` },
                'ui',
              )
            }
          >
            +
          </button>
        )}
        {canEdit && !box.isCollapsed && (
          <button
            type="button"
            className="icon-button"
            aria-label={`Delete stage ${stage.name}`}
            data-testid="stage-menu.remove"
            onClick={() => editor.perform('stage.remove', target, 'ui')}
          >
            ×
          </button>
        )}
      </div>
      {!box.isCollapsed && box.columns.some((column) => column.stepId) && (
        <div className="stage-steps">
          {box.columns.map((column) => (
            <span key={column.key} className="stage-step" style={{ width: column.width }}>
              {column.label}
            </span>
          ))}
        </div>
      )}
    </div>
  );
});
