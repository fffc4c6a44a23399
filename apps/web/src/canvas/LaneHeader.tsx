import { memo, useCallback, useState, type DragEvent } from 'react';
import { LANE_KINDS } from '@trailmap/schema';
import { LANE_KIND_LABELS } from '@trailmap/render';
import { useEditorStable } from '../editor/EditorContext';
import { useCanEdit, useIsEditing, useViewSelector } from '../editor/useEditorState';
import type { ViewState } from '../editor/viewState';
import { ChoiceMenu } from '../ui/ChoiceMenu';
import { LINE_CHOICES } from './blueprintLines';
import { InlineText } from '../ui/InlineText';
import { GRID_METRICS, type RowBox } from './gridLayout';

const LANE_MIME = 'application/x-trailmap-lane';

/** The row header of a lane: label (renamed inline), kind, collapse, drag to reorder. */
export const LaneHeader = memo(function LaneHeader({ row }: { row: RowBox }) {
  const editor = useEditorStable();
  const { lane } = row;
  const [isDropTarget, setDropTarget] = useState(false);
  const canEdit = useCanEdit();
  const isEditing = useIsEditing(lane.id);
  const isMenuOpen = useViewSelector(
    useCallback((view: ViewState) => view.openMenuId === lane.id, [lane.id]),
  );
  const setMenuOpen = useCallback(
    (isOpen: boolean) =>
      editor.viewStore.set((view) => ({
        ...view,
        openMenuId: isOpen ? lane.id : view.openMenuId === lane.id ? undefined : view.openMenuId,
      })),
    [editor.viewStore, lane.id],
  );
  const target = { kind: 'lane' as const, id: lane.id };

  const onDrop = (event: DragEvent) => {
    setDropTarget(false);
    const id = event.dataTransfer.getData(LANE_MIME);
    if (!id || id === lane.id) return;
    event.preventDefault();
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const isAfter = event.clientY > rect.top + rect.height / 2;
    editor.run('lane.move', { id, ...(isAfter ? { after: lane.id } : { before: lane.id }) }, 'dragDrop');
  };

  return (
    <div
      role="rowheader"
      aria-colindex={1}
      className={`lane-header${isDropTarget ? ' is-drop-target' : ''}${isMenuOpen ? ' has-open-menu' : ''}`}
      style={{ width: GRID_METRICS.laneHeaderWidth, height: row.height }}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(LANE_MIME)) {
          event.preventDefault();
          setDropTarget(true);
        }
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={onDrop}
    >
      <div
        className="lane-title"
        tabIndex={0}
        data-kind="lane"
        data-id={lane.id}
        draggable={canEdit && !isEditing}
        onDragStart={(event) => {
          event.dataTransfer.setData(LANE_MIME, lane.id);
          event.dataTransfer.effectAllowed = 'move';
        }}
        onDoubleClick={() => canEdit && editor.perform('lane.update', target, 'ui')}
        aria-label={`Lane ${lane.label}, ${LANE_KIND_LABELS[lane.kind]}`}
      >
        {isEditing ? (
          <InlineText
            label="Lane name"
            value={lane.label}
            testId="lane-name-input"
            onCommit={(label) => {
              editor.viewStore.set((view) => ({ ...view, editingId: undefined }));
              if (label.trim() && label !== lane.label)
                editor.run('lane.update', { id: lane.id, label: label.trim() }, 'ui');
            }}
          />
        ) : (
          <span className="lane-label">{lane.label}</span>
        )}
        {!row.isCollapsed && lane.label !== LANE_KIND_LABELS[lane.kind] && (
          <span className="lane-kind">{LANE_KIND_LABELS[lane.kind]}</span>
        )}
      </div>
      <div className="lane-tools">
        {canEdit && (
          <button
            type="button"
            className="icon-button"
            aria-label={row.isCollapsed ? `Expand ${lane.label}` : `Collapse ${lane.label}`}
            aria-expanded={!row.isCollapsed}
            onClick={() => editor.perform('lane.collapse', target, 'ui')}
          >
            {row.isCollapsed ? '▸' : '▾'}
          </button>
        )}
        {canEdit && !row.isCollapsed && (
          <ChoiceMenu
            label={`Blueprint line above ${lane.label}`}
            icon={<span aria-hidden="true">┄</span>}
            choices={LINE_CHOICES}
            value={lane.lineAbove ?? 'none'}
            isOpen={isMenuOpen}
            onOpenChange={setMenuOpen}
            onChoose={(line) => {
              editor.run('lane.update', { id: lane.id, lineAbove: line === 'none' ? null : line }, 'ui');
              // A menu choice is one undo step, not merged with the next edit of this lane.
              editor.session.stopCapturing();
            }}
            testId="lane-menu.line"
          />
        )}
        {canEdit && !row.isCollapsed && (
          <button
            type="button"
            className="icon-button"
            aria-label={`Delete lane ${lane.label}`}
            onClick={() => editor.perform('lane.remove', target, 'ui')}
          >
            ×
          </button>
        )}
      </div>
    </div>
  );
});

export const LANE_KIND_OPTIONS = LANE_KINDS.map((kind) => ({ value: kind, label: LANE_KIND_LABELS[kind] }));
