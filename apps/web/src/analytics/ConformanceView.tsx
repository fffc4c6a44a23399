import { formatCount, percent } from './format';
import type { Conformance } from './types';

/** Designed vs actual: who follows the stage order, which stages are skipped, loops back, other paths. */
export function ConformanceView({ conformance }: { conformance: Conformance }) {
  const { followingDesign, mappedCases, unmappedCases, backtracks } = conformance;
  return (
    <div className="conformance" data-testid="conformance">
      <p>
        <strong data-testid="conformance-following">{percent(followingDesign.share)}</strong> of{' '}
        {formatCount(mappedCases)} mapped cases follow the designed stage order (
        {formatCount(followingDesign.cases)} cases).{' '}
        {unmappedCases > 0 && `${formatCount(unmappedCases)} cases touch no bound stage.`}
      </p>
      <h4>Skipped stages</h4>
      <ul>
        {conformance.skipped.map((stage) => (
          <li key={stage.stageId}>
            {stage.name}: {formatCount(stage.cases)} cases went past it without entering
          </li>
        ))}
      </ul>
      <h4>Going back</h4>
      {backtracks.cases === 0 ? (
        <p className="muted">No case went back to an earlier stage.</p>
      ) : (
        <ul>
          <li>{formatCount(backtracks.cases)} cases went back at least once</li>
          {backtracks.transitions.map((move) => (
            <li key={`${move.from}\u0000${move.to}`}>
              {move.from} → {move.to}: {formatCount(move.count)}
            </li>
          ))}
        </ul>
      )}
      <h4>Unexpected paths</h4>
      {conformance.unexpectedPaths.length === 0 ? (
        <p className="muted">Every mapped case follows the design.</p>
      ) : (
        <ol data-testid="conformance-paths">
          {conformance.unexpectedPaths.map((path) => (
            <li key={path.stages.join('\u0000')}>
              {path.stages.join(' → ')}: {formatCount(path.cases)} ({percent(path.share)})
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
