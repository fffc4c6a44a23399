import { useSyncExternalStore, useCallback } from 'react';
import { useEditor } from '../editor/EditorContext';
import { MentionInput } from './MentionInput';
import { formatWhen } from '../canvas/format';
import type { CardComment } from './CollaborationApi';

const noop = () => () => {};
const none: CardComment[] = [];

/** The comment thread of the selected card, with @mentions. */
export function CommentsPanel() {
  const editor = useEditor();
  const { collaboration } = editor;
  const cardId = editor.view.selection[0];
  const card = editor.doc.cards.find((candidate) => candidate.id === cardId);
  const comments = useSyncExternalStore(
    collaboration?.subscribe ?? noop,
    useCallback(
      () => (collaboration && cardId ? collaboration.comments(cardId) : none),
      [collaboration, cardId],
    ),
  );
  const close = () => editor.viewStore.set((view) => ({ ...view, panel: 'none' }));
  return (
    <section className="panel" aria-labelledby="comments-title" data-testid="comments-panel">
      <div className="panel-title-row">
        <h2 id="comments-title">Comments</h2>
        <button type="button" className="icon-button" aria-label="Close comments" onClick={close}>
          ×
        </button>
      </div>
      {!card || !collaboration ? (
        <p className="muted">
          {collaboration ? 'Select a card to see its comments.' : 'Comments need a live connection.'}
        </p>
      ) : (
        <>
          <p className="inspector-text">{card.text || <em>Empty card</em>}</p>
          <ol className="comment-list" data-testid="comment-list">
            {comments.map((comment) => (
              <li key={comment.id} className="comment" data-testid="comment">
                <div className="comment-meta">
                  <strong>{comment.authorName}</strong>{' '}
                  <time dateTime={comment.createdAt}>{formatWhen(comment.createdAt)}</time>
                </div>
                <p>{comment.text}</p>
              </li>
            ))}
            {comments.length === 0 && <li className="muted">No comments yet.</li>}
          </ol>
          <MentionInput
            members={collaboration.members()}
            onSubmit={(text, mentions) => collaboration.addComment(card.id, text, mentions)}
          />
        </>
      )}
    </section>
  );
}
