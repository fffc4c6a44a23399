import { describe, expect, it } from 'vitest';
import { funnelGeometry } from './funnelGeometry';

const options = { width: 300, labelWidth: 100, barHeight: 30, gap: 10 };

describe('funnelGeometry', () => {
  it('sizes bars by share of the first step and stacks them', () => {
    const { bars, height } = funnelGeometry(
      [
        { label: 'visit', cases: 4 },
        { label: 'signup', cases: 3 },
        { label: 'buy', cases: 2 },
      ],
      options,
    );
    // 200 px of bar room: 4/4, 3/4 and 2/4 of it.
    expect(bars.map((bar) => [bar.x, bar.y, bar.width, bar.height])).toEqual([
      [100, 0, 200, 30],
      [100, 40, 150, 30],
      [100, 80, 100, 30],
    ]);
    expect(bars.map((bar) => [bar.shareOfStart, bar.dropOff, bar.dropOffShare])).toEqual([
      [1, 0, 0],
      [0.75, 1, 0.25],
      [0.5, 1, 1 / 3],
    ]);
    expect(height).toBe(110);
  });

  it('draws nothing wide when nobody entered the funnel', () => {
    const { bars } = funnelGeometry(
      [
        { label: 'a', cases: 0 },
        { label: 'b', cases: 0 },
      ],
      options,
    );
    expect(bars.map((bar) => [bar.width, bar.dropOff, bar.dropOffShare])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(funnelGeometry([], options).height).toBe(0);
  });
});
