import { describe, expect, it } from 'vitest';
import { filterDfg, sliderStops } from './dfgFilter';
import type { Dfg } from './types';

const edge = (from: string, to: string, count: number) => ({
  from,
  to,
  count,
  meanSeconds: 0,
  medianSeconds: 0,
  p90Seconds: 0,
});

const shop: Dfg = {
  cases: 4,
  events: 10,
  activities: { visit: 4, signup: 3, buy: 3 },
  start: { visit: 4 },
  end: { buy: 3, signup: 1 },
  edges: [edge('signup', 'buy', 2), edge('visit', 'buy', 1), edge('visit', 'signup', 3)],
};

describe('the frequency slider', () => {
  it('stops at every distinct count', () => {
    expect(sliderStops(shop)).toEqual([1, 2, 3, 4]);
  });

  it('shows everything at the lowest stop', () => {
    const all = filterDfg(shop, 1);
    expect(all.activities).toEqual([
      { name: 'visit', count: 4 },
      { name: 'buy', count: 3 },
      { name: 'signup', count: 3 },
    ]);
    expect(all.edges).toHaveLength(3);
    expect(all.end).toEqual([
      { name: 'buy', count: 3 },
      { name: 'signup', count: 1 },
    ]);
  });

  it('hides edges and exits below the threshold', () => {
    const two = filterDfg(shop, 2);
    expect(two.activities.map((a) => a.name)).toEqual(['visit', 'buy', 'signup']);
    expect(two.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['signup>buy', 'visit>signup']);
    expect(two.end).toEqual([{ name: 'buy', count: 3 }]);
  });

  it('hides activities below the threshold with every edge touching them', () => {
    const four = filterDfg(shop, 4);
    expect(four).toEqual({
      activities: [{ name: 'visit', count: 4 }],
      edges: [],
      start: [{ name: 'visit', count: 4 }],
      end: [],
    });
  });
});
