import { memo, useCallback, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { LaneKind } from '@trailmap/schema';
import { useEditorStable } from '../editor/EditorContext';
import { useSelector } from '../lib/useSelector';
import { CardBadges } from './CardBadges';
import { CommentCount } from '../collab/CommentCount';
import { CardTextEditor } from './CardTextEditor';
import { CARD_COLORS, CHANNEL_ICONS } from './cardStyle';
import { CARD_MIME } from './dragData';
import { nextFocus, type Direction } from './navigation';
import { nextSelection } from './selection';
import type { CardBox } from './gridLayout';

interface Props {
  box: CardBox;
  laneKind: LaneKind;
  offsetX: number;
  offsetY: number;
  canEdit: boolean;
}

const ARROWS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/** A sticky note. Reads only stable editor parts so typing elsewhere does not re-render it. */
function CardViewImpl({ box, laneKind, offsetX, offsetY, canEdit }: Props) {
  const stable = useEditorStable();
  const { card } = box;
  const isSelected = useSelector(
    stable.viewStore,
    useCallback((view) => view.selection.includes(card.id), [card.id]),
  );
  const isEditing = useSelector(
    stable.viewStore,
    useCallback((view) => view.editingId === card.id, [card.id]),
  );
  const color = card.color ? CARD_COLORS[card.color] : undefined;

  const onClick = (event: MouseEvent) => {
    const isToggle = event.shiftKey || event.ctrlKey || event.metaKey;
    stable.viewStore.set((view) => ({
      ...view,
      opportunityId: undefined,
      emotionAt: undefined,
      selection: nextSelection(view.selection, card.id, { isToggle }),
    }));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const direction = ARROWS[event.key];
    if (!direction || event.altKey || event.ctrlKey || event.metaKey || isEditing) return;
    event.preventDefault();
    const next = nextFocus(stable.get().layout, card.id, direction);
    if (next && 'cardId' in next) stable.focusElement(`[data-card-id="${CSS.escape(next.cardId)}"]`);
    else if (next)
      stable.focusElement(
        `[data-testid="cell-${CSS.escape(next.cell.laneId)}-${CSS.escape(next.cell.columnKey)}"]`,
      );
  };
  const onDragStart = (event: DragEvent) => {
    const { selection } = stable.viewStore.get();
    const ids = selection.includes(card.id) ? selection : [card.id];
    event.dataTransfer.setData(CARD_MIME, JSON.stringify(ids));
    event.dataTransfer.setData('text/plain', card.text);
    event.dataTransfer.effectAllowed = 'move';
  };

  const classes = [
    'card',
    `card-${laneKind}`,
    isSelected && 'is-selected',
    isEditing && 'is-editing',
    card.priority && `priority-${card.priority}`,
  ];
  return (
    <div
      role="group"
      aria-roledescription="card"
      aria-label={`${card.text || 'Empty card'}${isSelected ? ' (selected)' : ''}`}
      tabIndex={0}
      className={classes.filter(Boolean).join(' ')}
      style={{
        left: box.x - offsetX,
        top: box.y - offsetY,
        width: box.width,
        minHeight: box.height,
        ...(color ? { background: color.fill, borderColor: color.edge } : {}),
      }}
      data-kind="card"
      data-id={card.id}
      data-card-id={card.id}
      data-lane-id={card.laneId}
      data-stage-id={card.stageId}
      data-step-id={card.stepId}
      data-testid="card"
      draggable={canEdit && !isEditing}
      onDragStart={onDragStart}
      onClick={onClick}
      onDoubleClick={() => canEdit && stable.perform('card.edit', { kind: 'card', id: card.id }, 'ui')}
      onKeyDown={onKeyDown}
    >
      <span className="card-corner">
        {laneKind === 'touchpoints' && card.channel && (
          <span title={card.channel} aria-label={`Channel: ${card.channel}`}>
            {CHANNEL_ICONS[card.channel]}
          </span>
        )}
        {laneKind === 'moments-of-truth' && (
          <span className="card-mot" aria-label="Moment of truth">
            ★
          </span>
        )}
        <CommentCount cardId={card.id} />
      </span>
      {isEditing ? (
        <CardTextEditor card={card} />
      ) : (
        <p className="card-text">{card.text || <em>Empty card</em>}</p>
      )}
      <CardBadges card={card} />
    </div>
  );
}

/**
 * Compares where the card sits inside its cell, not on the grid: when a card above grows, every
 * lane below moves down, but their cards stay put in their cells and need no render.
 */
export const CardView = memo(
  CardViewImpl,
  (a, b) =>
    a.box.card === b.box.card &&
    a.box.x - a.offsetX === b.box.x - b.offsetX &&
    a.box.y - a.offsetY === b.box.y - b.offsetY &&
    a.box.width === b.box.width &&
    a.box.height === b.box.height &&
    a.laneKind === b.laneKind &&
    a.canEdit === b.canEdit,
);
