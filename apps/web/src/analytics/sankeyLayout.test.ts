import { describe, expect, it } from 'vitest';
import { filterDfg } from './dfgFilter';
import { END_NODE, START_NODE, layoutSankey } from './sankeyLayout';
import type { Dfg } from './types';

const edge = (from: string, to: string, count: number) => ({
  from,
  to,
  count,
  meanSeconds: 0,
  medianSeconds: 0,
  p90Seconds: 0,
});

/** c1, c4: visit → signup → buy; c2: visit → signup; c3: visit → buy. */
const shop: Dfg = {
  cases: 4,
  events: 10,
  activities: { visit: 4, signup: 3, buy: 3 },
  start: { visit: 4 },
  end: { buy: 3, signup: 1 },
  edges: [edge('signup', 'buy', 2), edge('visit', 'buy', 1), edge('visit', 'signup', 3)],
};

describe('layoutSankey', () => {
  // 5 columns over 310 − 10 px: x every 75 px. The fullest columns (start, visit, end: 4 cases)
  // fill 220 px, so 55 px per case; signup and buy (3 cases, 165 px) are centred at 27.5.
  const layout = layoutSankey(filterDfg(shop, 1), { width: 310, height: 220, nodeWidth: 10, gap: 10 });
  const link = (from: string, to: string) => layout.links.find((l) => l.from === from && l.to === to)!;

  it('places start, activities by longest forward path, and end in columns', () => {
    expect(layout.nodes.map((n) => [n.id, n.column, n.x, n.y, n.height])).toEqual([
      [START_NODE, 0, 0, 0, 220],
      ['visit', 1, 75, 0, 220],
      ['signup', 2, 150, 27.5, 165],
      ['buy', 3, 225, 27.5, 165],
      [END_NODE, 4, 300, 0, 220],
    ]);
  });

  it('stacks bands by the position of the other end', () => {
    // visit sends 3 cases to signup (top, 165 px) then 1 to buy (55 px).
    expect(link('visit', 'signup')).toMatchObject({ thickness: 165, sourceY: 0, targetY: 27.5 });
    expect(link('visit', 'buy')).toMatchObject({ thickness: 55, sourceY: 165, targetY: 27.5 });
    // signup: the end node sits higher (y 0) than buy (y 27.5), so its band comes first.
    expect(link('signup', END_NODE)).toMatchObject({ thickness: 55, sourceY: 27.5, targetY: 0 });
    expect(link('signup', 'buy')).toMatchObject({ thickness: 110, sourceY: 82.5, targetY: 82.5 });
    expect(link('buy', END_NODE)).toMatchObject({ thickness: 165, sourceY: 27.5, targetY: 55 });
    expect(link(START_NODE, 'visit').path).toBe('M10 110 C42.5 110 42.5 110 75 110');
    expect(link('visit', 'buy').path).toBe('M85 192.5 C155 192.5 155 55 225 55');
    expect(layout.links.every((l) => !l.isBack)).toBe(true);
  });

  it('draws rework as back links and keeps the columns acyclic', () => {
    // c1: a → b → a, c2: a → b; plus a self-loop on b.
    const rework: Dfg = {
      cases: 2,
      events: 6,
      activities: { a: 3, b: 3 },
      start: { a: 2 },
      end: { a: 1, b: 1 },
      edges: [edge('a', 'b', 2), edge('b', 'a', 1), edge('b', 'b', 1)],
    };
    const loops = layoutSankey(filterDfg(rework, 1), { width: 100, height: 100 });
    expect(loops.nodes.map((n) => [n.id, n.column])).toEqual([
      [START_NODE, 0],
      ['a', 1],
      ['b', 2],
      [END_NODE, 3],
    ]);
    expect(loops.links.filter((l) => l.isBack).map((l) => `${l.from}>${l.to}`)).toEqual(['b>a', 'b>b']);
    expect(loops.links.find((l) => l.from === 'b' && l.to === 'a')!.path).toMatch(/^M\S+ \S+ C\S+ 116 /);
  });

  it('lays out an empty graph without dividing by zero', () => {
    const empty = layoutSankey(filterDfg(shop, 99), { width: 100, height: 100 });
    expect(empty).toEqual({ width: 100, height: 100, nodes: [], links: [] });
  });
});
