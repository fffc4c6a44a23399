import { describe, expect, it } from 'vitest';
import { templateExample } from '@trailmap/core';
import { sampleJourney } from '../demo/sampleJourney';
import { overlayCurve } from './overlayGeometry';

describe('emotion overlay geometry', () => {
  it('spans the width with each map’s own stages, in order', () => {
    const doc = sampleJourney(0);
    const curve = overlayCurve(doc, 640, 140, 60);
    expect(curve.labels.map((label) => label.name)).toEqual([
      'Discover',
      'Browse',
      'Cart',
      'Checkout',
      'Delivery',
      'Return',
    ]);
    expect(curve.labels[0]!.x).toBe(60);
    expect(curve.labels.at(-1)!.x).toBe(580);
    expect(curve.points.map((point) => point.x)).toEqual(curve.labels.map((label) => label.x));
    // Checkout feels worst (-2): the lowest point of the chart.
    expect(Math.max(...curve.points.map((point) => point.y))).toBe(curve.points[3]!.y);
  });

  it('lines up a current and a future state with different stages over the same width', () => {
    const current = overlayCurve(templateExample('current-state'), 640, 140, 60);
    const future = overlayCurve(templateExample('future-state'), 640, 140, 60);
    expect(current.labels.map((label) => label.name)).not.toEqual(future.labels.map((label) => label.name));
    for (const curve of [current, future]) {
      expect(curve.points[0]!.x).toBe(60);
      expect(curve.points.at(-1)!.x).toBe(580);
    }
  });
});
