import type { EmotionPoint } from '@trailmap/schema';
import { hasGlyphs } from '../text/measure';
import type { StageSpan } from './columns';
import { METRICS, type Scene } from './scene';
import type { EmotionLevel, PathSegment } from './types';

interface Point {
  x: number;
  y: number;
}

/**
 * Monotone cubic interpolation (Fritsch–Carlson): a smooth curve through every point that never
 * overshoots, so a +2 peak is never drawn above +2.
 */
export function monotoneCurve(points: Point[]): PathSegment[] {
  if (points.length === 0) return [];
  const segments: PathSegment[] = [['M', points[0]!.x, points[0]!.y]];
  if (points.length === 1) return segments;
  const n = points.length;
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const dx = points[i + 1]!.x - points[i]!.x;
    slopes.push(dx === 0 ? 0 : (points[i + 1]!.y - points[i]!.y) / dx);
  }
  const tangents = points.map((_, i) => {
    if (i === 0) return slopes[0]!;
    if (i === n - 1) return slopes[n - 2]!;
    const [a, b] = [slopes[i - 1]!, slopes[i]!];
    return a * b <= 0 ? 0 : (3 * a * b) / (Math.max(a, b) * 2 + Math.min(a, b));
  });
  for (let i = 0; i < n - 1; i++) {
    const [p, q] = [points[i]!, points[i + 1]!];
    const third = (q.x - p.x) / 3;
    segments.push([
      'C',
      p.x + third,
      p.y + tangents[i]! * third,
      q.x - third,
      q.y - tangents[i + 1]! * third,
      q.x,
      q.y,
    ]);
  }
  return segments;
}

const DEFAULT_FACES: Record<EmotionLevel, string> = { m2: '😫', m1: '😟', z0: '😐', p1: '😊', p2: '😄' };

export const emotionLevel = (score: number): EmotionLevel =>
  score <= -1.5 ? 'm2' : score <= -0.5 ? 'm1' : score < 0.5 ? 'z0' : score < 1.5 ? 'p1' : 'p2';

/** Places emotion points at their (sub-)column centers; several in one column share it evenly. */
export function emotionPositions(points: EmotionPoint[], spans: StageSpan[], top: number, height: number) {
  const pad = 30;
  const byColumn = new Map<string, EmotionPoint[]>();
  for (const point of points) {
    const key = `${point.stageId}\u0000${point.stepId ?? ''}`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), point]);
  }
  const placed: (Point & { point: EmotionPoint })[] = [];
  for (const span of spans) {
    for (const column of span.columns) {
      let group = byColumn.get(`${span.stageId}\u0000${column.stepId ?? ''}`) ?? [];
      if (column === span.columns[0]) {
        // points on steps this stage no longer has fall back to the stage's first column
        const stepIds = new Set(span.columns.map((c) => c.stepId ?? ''));
        const orphans = [...byColumn.entries()]
          .filter(([key]) => key.startsWith(`${span.stageId}\u0000`) && !stepIds.has(key.split('\u0000')[1]!))
          .flatMap(([, list]) => list);
        group = [...group, ...orphans];
      }
      group.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      group.forEach((point, i) => {
        placed.push({
          point,
          x: column.x + ((i + 1) * column.width) / (group.length + 1),
          y: top + pad + ((2 - point.score) / 4) * (height - 2 * pad),
        });
      });
    }
  }
  return placed;
}

/** Draws the emotion lane content: zero line, soft area, the curve and emoji markers. */
export function drawEmotionCurve(
  scene: Scene,
  points: EmotionPoint[],
  spans: StageSpan[],
  top: number,
  height: number,
) {
  const placed = emotionPositions(points, spans, top, height);
  const gridLeft = spans[0]?.x ?? 0;
  const gridRight = spans.length > 0 ? spans[spans.length - 1]!.x + spans[spans.length - 1]!.width : 0;
  const zeroY = top + height / 2;
  scene.line('emotion.zero', gridLeft, zeroY, gridRight, zeroY, { dash: 'dashed', width: 1 });
  if (placed.length === 0) return;
  const curve = monotoneCurve(placed);
  if (placed.length > 1) {
    const first = placed[0]!;
    const last = placed[placed.length - 1]!;
    const bottom = top + height - 1;
    scene.path('emotion.area', [
      ['M', first.x, bottom],
      ['L', first.x, first.y],
      ...curve.slice(1),
      ['L', last.x, bottom],
      ['Z'],
    ]);
    scene.path('emotion.curve', curve, { width: 3 });
  }
  for (const { point, x, y } of placed) {
    const level = emotionLevel(point.score);
    scene.circle(`emotion.${level}`, x, y, 15, point.id);
    const face = point.emoji && hasGlyphs(point.emoji) ? point.emoji : DEFAULT_FACES[level];
    scene.nodes.push({
      kind: 'text',
      style: 'emotion.face',
      x,
      y: y + 6,
      lines: [face],
      size: 17,
      weight: 'normal',
      lineHeight: 20,
      anchor: 'middle',
      recordId: point.id,
    });
    const label = point.score > 0 ? `+${point.score}` : `${point.score}`;
    const noteTop = point.score >= 0 ? y + 19 : y - 19 - 14;
    if (point.note) {
      scene.text('text.muted', point.note, x - 70, point.score >= 0 ? y + 19 : y - 19 - 26, {
        size: 10,
        maxWidth: 140,
        maxLines: 2,
        lineHeight: 13,
        anchor: 'middle',
      });
    } else {
      scene.text('text.muted', label, x - 20, noteTop, { size: 10, maxWidth: 40, anchor: 'middle' });
    }
  }
}

export const EMOTION_LANE_HEIGHT = METRICS.emotionLaneHeight;
