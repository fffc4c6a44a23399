import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emotionLevel, monotoneCurve } from './emotionCurve';

/** Samples a cubic Bézier segment. */
const bezier = (p0: number, p1: number, p2: number, p3: number, t: number) =>
  (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3;

describe('monotoneCurve', () => {
  it('passes through every point and never overshoots between two of them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 2, maxLength: 12 }), (scores) => {
        const points = scores.map((score, i) => ({ x: i * 100, y: 100 - score * 25 }));
        const segments = monotoneCurve(points);
        expect(segments[0]).toEqual(['M', 0, points[0]!.y]);
        segments.slice(1).forEach((segment, i) => {
          if (segment[0] !== 'C') throw new Error('expected a cubic segment');
          const [, , y1, , y2, x, y] = segment;
          expect(x).toBeCloseTo(points[i + 1]!.x);
          expect(y).toBeCloseTo(points[i + 1]!.y);
          const low = Math.min(points[i]!.y, y);
          const high = Math.max(points[i]!.y, y);
          for (let t = 0; t <= 1; t += 0.1) {
            const sample = bezier(points[i]!.y, y1, y2, y, t);
            expect(sample).toBeGreaterThanOrEqual(low - 1e-9);
            expect(sample).toBeLessThanOrEqual(high + 1e-9);
          }
        });
      }),
    );
  });

  it('handles zero and one point', () => {
    expect(monotoneCurve([])).toEqual([]);
    expect(monotoneCurve([{ x: 1, y: 2 }])).toEqual([['M', 1, 2]]);
  });
});

describe('emotionLevel', () => {
  it('buckets scores into five levels', () => {
    expect([-2, -1, 0, 1, 2, 0.4, -1.6].map(emotionLevel)).toEqual([
      'm2',
      'm1',
      'z0',
      'p1',
      'p2',
      'z0',
      'm2',
    ]);
  });
});
