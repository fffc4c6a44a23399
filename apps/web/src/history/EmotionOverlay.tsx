import type { Journey } from '@trailmap/schema';
import { sortByIndex } from '@trailmap/core';
import { emotionByStageName } from './diffDocs';
import { scoreToY, smoothPath } from '../canvas/emotionGeometry';

const WIDTH = 640;
const HEIGHT = 140;
const EDGE = 60;

/** Two emotion curves on one chart (by stage name): before in gray, after in purple. */
export function EmotionOverlay({
  before,
  after,
  labels,
}: {
  before: Journey;
  after: Journey;
  labels: [string, string];
}) {
  const names = [
    ...new Set([...sortByIndex(before.stages), ...sortByIndex(after.stages)].map((stage) => stage.name)),
  ];
  const step = names.length > 1 ? (WIDTH - 2 * EDGE) / (names.length - 1) : 0;
  const curve = (doc: Journey) => {
    const scores = emotionByStageName(doc);
    return names.flatMap((name, i) =>
      scores.has(name) ? [{ x: EDGE + i * step, y: scoreToY(scores.get(name)!, HEIGHT) }] : [],
    );
  };
  return (
    <figure className="emotion-overlay" data-testid="emotion-overlay">
      <svg
        width={WIDTH}
        height={HEIGHT + 20}
        role="img"
        aria-label={`Emotion curves of ${labels[0]} and ${labels[1]}`}
      >
        <line x1={0} x2={WIDTH} y1={scoreToY(0, HEIGHT)} y2={scoreToY(0, HEIGHT)} className="emotion-zero" />
        <path
          d={smoothPath(curve(before))}
          fill="none"
          stroke="#8a939e"
          strokeWidth={3}
          strokeDasharray="6 4"
        />
        <path d={smoothPath(curve(after))} fill="none" stroke="#7c3aed" strokeWidth={3} />
        {names.map((name, i) => (
          <text
            key={name}
            x={EDGE + i * step}
            y={HEIGHT + 14}
            textAnchor="middle"
            fontSize={11}
            fill="#545d68"
          >
            {name.slice(0, 14)}
          </text>
        ))}
      </svg>
      <figcaption>
        <span style={{ color: '#545d68' }}>- - {labels[0]}</span> ·{' '}
        <span style={{ color: '#7c3aed' }}>— {labels[1]}</span>
      </figcaption>
    </figure>
  );
}
