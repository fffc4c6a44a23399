import { useId, useState } from 'react';
import { datasetsApi } from './datasetsApi';
import { formatCount, formatSeconds, percent } from './format';
import { funnelGeometry } from './funnelGeometry';
import { useLoaded, valueOf } from './useQuery';

const parseSteps = (text: string) =>
  text
    .split('>')
    .map((step) => step.trim())
    .filter((step) => step !== '');

/** An eventually-follows funnel over the map's stage order, or steps typed as `A > B > C`. */
export function FunnelChart({
  workspaceId,
  dataset,
  version,
  defaultSteps,
}: {
  workspaceId: string;
  dataset: string;
  version: string;
  defaultSteps: string[];
}) {
  const [typed, setTyped] = useState<string | null>(null);
  const steps = typed === null ? defaultSteps : parseSteps(typed);
  const id = useId();
  const loaded = useLoaded(steps.length > 0 ? JSON.stringify([dataset, version, steps]) : null, () =>
    datasetsApi.query(workspaceId, dataset, 'funnel', { steps }),
  );
  const result = valueOf(loaded);
  const { bars, height } = funnelGeometry(
    (result?.steps ?? []).map((step) => ({ label: step.activity, cases: step.cases })),
    { width: 640, labelWidth: 160, barHeight: 26, gap: 8 },
  );
  return (
    <div className="funnel" data-testid="funnel">
      <label htmlFor={`${id}-steps`}>Steps (in order, separated by &gt;)</label>
      <input
        id={`${id}-steps`}
        defaultValue={defaultSteps.join(' > ')}
        key={defaultSteps.join('>')}
        onBlur={(event) => setTyped(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') setTyped(event.currentTarget.value);
        }}
        data-testid="funnel-steps"
      />
      {steps.length === 0 && <p className="muted">Bind stages or type steps to see a funnel.</p>}
      {loaded.state === 'error' && <p role="alert">{loaded.message}</p>}
      {result && (
        <>
          <svg viewBox={`0 0 640 ${height}`} role="img" aria-label="Funnel" className="funnel-svg">
            {bars.map((bar) => (
              <g key={bar.label}>
                <text x={bar.x - 6} y={bar.y + bar.height / 2} textAnchor="end" dominantBaseline="middle">
                  {bar.label}
                </text>
                <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="funnel-bar" />
                <text
                  x={bar.x + 6}
                  y={bar.y + bar.height / 2}
                  dominantBaseline="middle"
                  className="funnel-value"
                >
                  {`${bar.cases} · ${percent(bar.shareOfStart)}`}
                </text>
              </g>
            ))}
          </svg>
          <table className="analytics-table" data-testid="funnel-table">
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Cases</th>
                <th scope="col">From start</th>
                <th scope="col">From previous</th>
                <th scope="col">Dropped</th>
                <th scope="col">Median time from previous</th>
              </tr>
            </thead>
            <tbody>
              {result.steps.map((step, i) => (
                <tr key={`${i}-${step.activity}`} data-testid="funnel-row">
                  <th scope="row">{step.activity}</th>
                  <td data-testid="funnel-cases">{formatCount(step.cases)}</td>
                  <td>{percent(step.conversionFromStart)}</td>
                  <td>{percent(step.conversionFromPrevious)}</td>
                  <td>{formatCount(step.dropOff)}</td>
                  <td>{formatSeconds(step.medianSecondsFromPrevious)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
