import { useCallback, useSyncExternalStore } from 'react';
import { useEditorStable } from '../editor/EditorContext';

const noop = () => () => {};

/** "💬 3" on a card with comments; opens the thread. */
export function CommentCount({ cardId }: { cardId: string }) {
  const stable = useEditorStable();
  const collaboration = stable.get().collaboration;
  const count = useSyncExternalStore(
    collaboration?.subscribe ?? noop,
    useCallback(() => collaboration?.commentCounts()[cardId] ?? 0, [collaboration, cardId]),
  );
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="badge badge-comments"
      aria-label={`${count} comment${count === 1 ? '' : 's'}`}
      data-testid="card-comment-count"
      onClick={(event) => {
        event.stopPropagation();
        stable.perform('card.comment', { kind: 'card', id: cardId }, 'ui');
      }}
    >
      💬 {count}
    </button>
  );
}
