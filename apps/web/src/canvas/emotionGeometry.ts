import { EMOTION_MAX, EMOTION_MIN } from '@trailmap/schema';

const PADDING = 28;

/** Vertical position (within the lane) of a score; +2 at the top. */
export function scoreToY(score: number, height: number): number {
  const span = height - 2 * PADDING;
  return PADDING + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * span;
}

/** The score at a vertical position, clamped and rounded to quarter steps. */
export function yToScore(y: number, height: number): number {
  const span = height - 2 * PADDING;
  const raw = EMOTION_MAX - ((y - PADDING) / span) * (EMOTION_MAX - EMOTION_MIN);
  const clamped = Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, raw));
  return Math.round(clamped * 4) / 4;
}

/** A default face for a score when the point has no emoji of its own. */
export function emojiFor(score: number): string {
  if (score <= -1.5) return '😣';
  if (score <= -0.5) return '🙁';
  if (score < 0.5) return '😐';
  if (score < 1.5) return '🙂';
  return '😄';
}

/** A smooth SVG path through points (Catmull-Rom turned into cubic Béziers). */
export function smoothPath(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  const [first] = points;
  let path = `M${first!.x},${first!.y}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[i + 2] ?? p2;
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    path += ` C${c1.x.toFixed(1)},${c1.y.toFixed(1)} ${c2.x.toFixed(1)},${c2.y.toFixed(1)} ${p2.x},${p2.y}`;
  }
  return path;
}
