import type { StageMeasure } from './types';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = 28;

/** y of an emotion score (−2…+2) in the chart. */
const yOf = (score: number) => PAD + ((2 - score) / 4) * (HEIGHT - 2 * PAD);

/** Polyline points of one curve, skipping stages without a value. */
export function curvePoints(values: (number | null)[], width = WIDTH): string {
  const step = values.length > 1 ? (width - 2 * PAD) / (values.length - 1) : 0;
  return values
    .map((value, i) => (value === null ? null : `${PAD + i * step},${yOf(value)}`))
    .filter((point) => point !== null)
    .join(' ');
}

/** The assumed emotion curve of the map with the one measured from scores and sentiment. */
export function EmotionComparison({ stages }: { stages: StageMeasure[] }) {
  const assumed = stages.map((stage) => stage.emotion.assumed);
  const measured = stages.map((stage) => stage.emotion.measured);
  const hasMeasured = measured.some((value) => value !== null);
  const step = stages.length > 1 ? (WIDTH - 2 * PAD) / (stages.length - 1) : 0;
  return (
    <div data-testid="emotion-comparison">
      {!hasMeasured && (
        <p className="muted">
          No measured emotion yet: the log needs csat, nps, ces or text columns at bound activities.
        </p>
      )}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`}
        role="img"
        aria-label="Assumed and measured emotion per stage"
      >
        <line x1={PAD} x2={WIDTH - PAD} y1={yOf(0)} y2={yOf(0)} className="emotion-zero" />
        <polyline points={curvePoints(assumed)} className="emotion-assumed" fill="none" />
        <polyline points={curvePoints(measured)} className="emotion-measured" fill="none" />
        {stages.map((stage, i) => (
          <text
            key={stage.stageId}
            x={PAD + i * step}
            y={HEIGHT + 12}
            textAnchor="middle"
            className="emotion-label"
          >
            {stage.name}
          </text>
        ))}
      </svg>
      <p className="emotion-legend">
        <span className="legend-assumed">— assumed</span> <span className="legend-measured">— measured</span>
      </p>
      <table className="analytics-table">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Assumed</th>
            <th scope="col">Measured</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => (
            <tr key={stage.stageId} data-testid="emotion-row">
              <th scope="row">{stage.name}</th>
              <td>{stage.emotion.assumed ?? '–'}</td>
              <td>{stage.emotion.measured === null ? '–' : stage.emotion.measured.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
