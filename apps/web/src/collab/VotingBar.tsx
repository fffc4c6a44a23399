import { useSyncExternalStore, useCallback, useState } from 'react';
import { useEditor } from '../editor/EditorContext';

const noop = () => () => {};

/** Facilitator controls for dot-voting: start with N dots each, reveal, rank, end. */
export function VotingBar() {
  const { collaboration, status } = useEditor();
  const [dots, setDots] = useState(3);
  const phase = useSyncExternalStore(
    collaboration?.subscribe ?? noop,
    useCallback(() => collaboration?.voting().phase ?? 'idle', [collaboration]),
  );
  const voting = collaboration?.voting();
  if (!collaboration || !voting) return null;
  const ranking = Object.entries(voting.totals)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  return (
    <div
      className={`voting-bar phase-${phase}`}
      role="region"
      aria-label="Dot voting"
      data-testid="voting-bar"
    >
      {phase === 'idle' && status.canEdit && (
        <>
          <label>
            Dots per person{' '}
            <input
              type="number"
              min={1}
              max={20}
              value={dots}
              onChange={(e) => setDots(Number(e.target.value) || 1)}
              className="narrow"
            />
          </label>
          <button type="button" onClick={() => collaboration.startVoting(dots)} data-testid="voting-start">
            Start dot-voting
          </button>
        </>
      )}
      {phase === 'open' && (
        <>
          <strong>Voting is open.</strong>
          <span data-testid="votes-left">
            {voting.votesPerPerson - voting.myVotes.length} of {voting.votesPerPerson} dots left
          </span>
          {status.canEdit && (
            <button type="button" onClick={() => collaboration.revealVotes()} data-testid="voting-reveal">
              Reveal votes
            </button>
          )}
        </>
      )}
      {phase === 'revealed' && (
        <>
          <strong>Results:</strong>
          <ol className="ranking" data-testid="voting-ranking">
            {ranking.map(([id, count]) => (
              <RankItem key={id} id={id} count={count} />
            ))}
          </ol>
          {status.canEdit && (
            <button type="button" onClick={() => collaboration.endVoting()} data-testid="voting-end">
              End voting
            </button>
          )}
        </>
      )}
    </div>
  );
}

function RankItem({ id, count }: { id: string; count: number }) {
  const { doc } = useEditor();
  const label =
    doc.cards.find((card) => card.id === id)?.text ?? doc.opportunities.find((o) => o.id === id)?.title ?? id;
  return (
    <li>
      {label.slice(0, 40)} <span className="badge">{count}</span>
    </li>
  );
}
