import { useCallback, useSyncExternalStore } from 'react';
import { useEditorStable } from '../editor/EditorContext';

const noop = () => () => {};

/** Dot-voting on a card or opportunity: shows my dots while open and totals once revealed. */
export function VoteButton({ targetId }: { targetId: string }) {
  const stable = useEditorStable();
  const collaboration = stable.get().collaboration;
  const summary = useSyncExternalStore(
    collaboration?.subscribe ?? noop,
    useCallback(() => {
      const voting = collaboration?.voting();
      if (!voting || voting.phase === 'idle') return '';
      const mine = voting.myVotes.filter((id) => id === targetId).length;
      return `${voting.phase}|${mine}|${voting.totals[targetId] ?? 0}|${voting.votesPerPerson - voting.myVotes.length}`;
    }, [collaboration, targetId]),
  );
  if (!collaboration || summary === '') return null;
  const [phase, mine, total, left] = summary.split('|');
  if (phase === 'revealed') {
    return (
      <span className="vote-total" data-testid="vote-total" aria-label={`${total} votes`}>
        ● {total}
      </span>
    );
  }
  return (
    <span className="vote-controls">
      <button
        type="button"
        className="vote-button"
        data-testid="vote-button"
        disabled={left === '0'}
        aria-label={`Vote (${mine} of your dots here, ${left} left)`}
        onClick={(event) => {
          event.stopPropagation();
          collaboration.vote(targetId);
        }}
      >
        ● {mine}
      </button>
      {mine !== '0' && (
        <button
          type="button"
          className="icon-button"
          aria-label="Remove one of my dots"
          onClick={(event) => {
            event.stopPropagation();
            collaboration.unvote(targetId);
          }}
        >
          −
        </button>
      )}
    </span>
  );
}
