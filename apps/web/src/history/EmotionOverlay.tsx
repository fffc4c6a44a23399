import type { Journey } from '@trailmap/schema';
import { scoreToY, smoothPath } from '../canvas/emotionGeometry';
import { overlayCurve, type OverlayCurve } from './overlayGeometry';

const WIDTH = 640;
const HEIGHT = 140;
const EDGE = 60;
const AXIS = 18;
const shorten = (name: string) => (name.length > 16 ? `${name.slice(0, 15)}…` : name);

/**
 * Two emotion curves on one chart: before (gray, dashed, stage names above) and after (purple,
 * stage names below). Each spans the width by its own stages (see overlayCurve).
 */
export function EmotionOverlay({
  before,
  after,
  labels,
}: {
  before: Journey;
  after: Journey;
  labels: [string, string];
}) {
  const old = overlayCurve(before, WIDTH, HEIGHT, EDGE);
  const now = overlayCurve(after, WIDTH, HEIGHT, EDGE);
  const sameAxis =
    old.labels.length === now.labels.length &&
    old.labels.every((label, i) => label.name === now.labels[i]!.name);
  const axis = (curve: OverlayCurve, y: number, color: string) =>
    curve.labels.map(({ x, name }, i) => (
      <text key={`${i}-${name}`} x={x} y={y} textAnchor="middle" fontSize={11} fill={color}>
        <title>{name}</title>
        {shorten(name)}
      </text>
    ));
  return (
    <figure className="emotion-overlay" data-testid="emotion-overlay">
      <svg
        width={WIDTH}
        height={HEIGHT + 2 * AXIS}
        role="img"
        aria-label={`Emotion curves of ${labels[0]} and ${labels[1]}`}
      >
        {!sameAxis && axis(old, 12, '#545d68')}
        <g transform={`translate(0 ${AXIS})`}>
          <line
            x1={0}
            x2={WIDTH}
            y1={scoreToY(0, HEIGHT)}
            y2={scoreToY(0, HEIGHT)}
            className="emotion-zero"
          />
          <path
            d={smoothPath(old.points)}
            fill="none"
            stroke="#8a939e"
            strokeWidth={3}
            strokeDasharray="6 4"
            data-testid="overlay-before"
          />
          <path
            d={smoothPath(now.points)}
            fill="none"
            stroke="#7c3aed"
            strokeWidth={3}
            data-testid="overlay-after"
          />
        </g>
        {axis(now, HEIGHT + AXIS + 14, sameAxis ? '#545d68' : '#6d28d9')}
      </svg>
      <figcaption>
        <span style={{ color: '#545d68' }}>- - {labels[0]}</span> ·{' '}
        <span style={{ color: '#6d28d9' }}>— {labels[1]}</span>
      </figcaption>
    </figure>
  );
}
