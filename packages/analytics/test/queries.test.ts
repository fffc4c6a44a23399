import { afterAll, describe, expect, it } from 'vitest';
import {
  applyFilters,
  caseDurations,
  compareQuery,
  compareSegments,
  directlyFollows,
  funnel,
  rework,
  runQuery,
  summary,
  variants,
} from '../src/index';
import { logFrom, paths, scratchDirectory } from './support';

const dir = scratchDirectory();
afterAll(dir.cleanup);

// Times are minutes after 2024-01-01T00:00Z so durations are easy to check by hand.
const at = (minutes: number) => new Date(Date.UTC(2024, 0, 1) + minutes * 60_000).toISOString();
const csv = (rows: [string, string, number, string?][]) =>
  ['case_id,activity,timestamp,segment', ...rows.map(([c, a, m, s]) => `${c},${a},${at(m)},${s ?? ''}`)].join(
    '\n',
  );

const SHOP = csv([
  ['1', 'Visit', 0, 'new'],
  ['1', 'Cart', 10, 'new'],
  ['1', 'Pay', 40, 'new'],
  ['2', 'Visit', 0, 'returning'],
  ['2', 'Cart', 20, 'returning'],
  ['3', 'Visit', 0, 'new'],
  ['3', 'Search', 5, 'new'],
  ['3', 'Cart', 65, 'new'],
  ['3', 'Pay', 70, 'new'],
  ['4', 'Cart', 0, 'returning'],
  ['4', 'Visit', 30, 'returning'],
  ['4', 'Pay', 100, 'returning'],
  ['5', 'Visit', 0, 'new'],
]);

describe('queries on a hand-made log', () => {
  it('funnel: first entry, earliest next step, conversions, medians and drop-off', async () => {
    const log = await logFrom(dir.path, 'shop.csv', SHOP);
    // Visit: cases 1,2,3,4,5. Cart after Visit: 1 (+10), 2 (+20), 3 (+65); case 4's Cart is before Visit.
    // Pay after Cart: 1 (+30), 3 (+5).
    expect(funnel(log, { steps: ['Visit', 'Cart', 'Pay'] }).steps).toEqual([
      {
        activity: 'Visit',
        cases: 5,
        conversionFromStart: 1,
        conversionFromPrevious: 1,
        medianSecondsFromPrevious: null,
        dropOff: 0,
      },
      {
        activity: 'Cart',
        cases: 3,
        conversionFromStart: 0.6,
        conversionFromPrevious: 0.6,
        medianSecondsFromPrevious: 1200,
        dropOff: 2,
      },
      {
        activity: 'Pay',
        cases: 2,
        conversionFromStart: 0.4,
        conversionFromPrevious: 2 / 3,
        medianSecondsFromPrevious: 1050,
        dropOff: 1,
      },
    ]);
    // A 30-minute window from Visit keeps Cart for cases 1 and 2 only; Pay at +40 is outside it.
    const windowed = funnel(log, { steps: ['Visit', 'Cart', 'Pay'], windowSeconds: 1800 }).steps.map(
      (step) => step.cases,
    );
    expect(windowed).toEqual([5, 2, 0]);
    expect(funnel(log, { steps: ['Nope', 'Cart'] }).steps.map((step) => step.cases)).toEqual([0, 0]);
  });

  it('dfg: median and p90 per edge interpolate like numpy', async () => {
    const log = await logFrom(dir.path, 'shop.csv', SHOP);
    const edge = directlyFollows(log).edges.find((e) => e.from === 'Visit' && e.to === 'Cart')!;
    // Visit->Cart gaps: 10 and 20 minutes
    expect(edge).toEqual({
      from: 'Visit',
      to: 'Cart',
      count: 2,
      meanSeconds: 900,
      medianSeconds: 900,
      p90Seconds: 1140,
    });
    const graph = directlyFollows(log);
    expect(graph.start).toEqual({ Cart: 1, Visit: 4 });
    expect(graph.end).toEqual({ Cart: 1, Pay: 3, Visit: 1 });
  });

  it('case durations: exact median (mean of middle two), interpolated p90', async () => {
    const log = await logFrom(dir.path, 'shop.csv', SHOP);
    // durations in minutes: 40, 20, 70, 100, 0
    expect(caseDurations(log)).toEqual({
      cases: 5,
      caseDurationSeconds: { min: 0, median: 2400, mean: 2760, p90: 5280, max: 6000 },
    });
  });

  it('variants: count desc, ties by sequence in code-point order with a proper prefix first', async () => {
    const log = await logFrom(
      dir.path,
      'variants.csv',
      csv([
        ['a', 'B', 0],
        ['b', 'A', 0],
        ['b', 'B', 1],
        ['c', 'A', 0],
        ['d', '\u{1F600}', 0],
        ['e', '\uFF21', 0],
        ['f', 'B', 0],
      ]),
    );
    expect(variants(log).variants.map((v) => [v.activities.join('>'), v.cases, v.share])).toEqual([
      ['B', 2, 2 / 6],
      ['A', 1, 1 / 6],
      ['A>B', 1, 1 / 6],
      ['\uFF21', 1, 1 / 6],
      ['\u{1F600}', 1, 1 / 6],
    ]);
  });

  it('rework counts repeats, cases with repeats and self-loops', async () => {
    const log = await logFrom(
      dir.path,
      'loops.csv',
      csv([
        ['1', 'Pay', 0],
        ['1', 'Pay', 1],
        ['1', 'Fail', 2],
        ['1', 'Pay', 3],
        ['2', 'Pay', 0],
        ['2', 'Fail', 1],
        ['2', 'Fail', 2],
      ]),
    );
    expect(rework(log)).toEqual([
      { activity: 'Pay', casesWithRework: 1, repeats: 2, selfLoops: 1 },
      { activity: 'Fail', casesWithRework: 1, repeats: 1, selfLoops: 1 },
    ]);
  });

  it('filters: time range, contains / lacks, segment, attribute on events', async () => {
    const log = await logFrom(dir.path, 'shop.csv', SHOP);
    const ids = (filters: Parameters<typeof applyFilters>[1]) => applyFilters(log, filters).caseIds;
    expect(ids([{ kind: 'contains', activity: 'Pay' }])).toEqual(['1', '3', '4']);
    expect(ids([{ kind: 'notContains', activity: 'Pay' }])).toEqual(['2', '5']);
    expect(ids([{ kind: 'segment', value: 'returning' }])).toEqual(['2', '4']);
    expect(ids([{ kind: 'timeRange', from: at(0), to: at(1) }])).toEqual(['1', '2', '3', '4', '5']);
    expect(ids([{ kind: 'timeRange', from: at(1) }])).toEqual([]);
    const events = applyFilters(log, [
      { kind: 'attribute', key: 'segment', value: 'returning', scope: 'event' },
    ]);
    expect(paths(events)).toEqual(['2: Visit,Cart', '4: Cart,Visit,Pay']);
    expect(
      runQuery(log, 'durations', { filters: [{ kind: 'contains', activity: 'Search' }] }).caseDurationSeconds
        .max,
    ).toBe(4200);
    expect(() => applyFilters(log, [{ kind: 'attribute', key: 'plan', value: 'x' }])).toThrow(
      /no attribute "plan"/,
    );
    const invalid = (() => {
      try {
        runQuery(log, 'funnel', { steps: [] });
      } catch (error) {
        return error;
      }
    })();
    expect(invalid).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    // The registry consumes filters itself; the funnel's strict schema must never see them.
    const filteredFunnel = runQuery(log, 'funnel', {
      steps: ['Visit', 'Pay'],
      filters: [{ kind: 'segment', value: 'returning' }],
    });
    expect(filteredFunnel.steps.map((step) => step.cases)).toEqual(
      funnel(applyFilters(log, [{ kind: 'segment', value: 'returning' }]), {
        steps: ['Visit', 'Pay'],
      }).steps.map((step) => step.cases),
    );
  });

  it('segment comparison puts two filtered views side by side', async () => {
    const log = await logFrom(dir.path, 'shop.csv', SHOP);
    const { a, b } = compareSegments(
      log,
      [{ kind: 'segment', value: 'new' }],
      [{ kind: 'segment', value: 'returning' }],
    );
    expect([a.summary.cases, b.summary.cases, a.shareOfCases, b.shareOfCases]).toEqual([3, 2, 0.6, 0.4]);
    expect(b.durations.caseDurationSeconds.mean).toBe(3600);
    expect(summary(log).firstEvent).toBe('2024-01-01T00:00:00.000Z');
  });

  it('compares any query across two segments (funnel and dfg, values by hand)', async () => {
    const log = await logFrom(dir.path, 'shop.csv', SHOP);
    const newCases = [{ kind: 'segment' as const, value: 'new' }];
    const returning = [{ kind: 'segment' as const, value: 'returning' }];
    const funnels = compareQuery(log, 'funnel', newCases, returning, { steps: ['Visit', 'Cart', 'Pay'] });
    // new = cases 1, 3, 5: Cart after Visit in 1 (+10 min) and 3 (+65), Pay after Cart in 1 (+30), 3 (+5).
    expect(funnels.a).toMatchObject({ cases: 3, events: 8, shareOfCases: 0.6 });
    expect(funnels.a.result.steps.map((s) => [s.cases, s.medianSecondsFromPrevious])).toEqual([
      [3, null],
      [2, (600 + 3900) / 2],
      [2, (1800 + 300) / 2],
    ]);
    // returning = cases 2, 4: only case 2 reaches Cart after Visit (+20); case 4's Cart comes first.
    expect(funnels.b.result.steps.map((s) => [s.cases, s.medianSecondsFromPrevious])).toEqual([
      [2, null],
      [1, 1200],
      [0, null],
    ]);
    const graphs = compareQuery(log, 'dfg', newCases, returning);
    const edges = (graph: typeof graphs.a.result) => graph.edges.map((e) => `${e.from}>${e.to}:${e.count}`);
    expect(edges(graphs.a.result)).toEqual(['Cart>Pay:2', 'Search>Cart:1', 'Visit>Cart:1', 'Visit>Search:1']);
    expect(edges(graphs.b.result)).toEqual(['Cart>Visit:1', 'Visit>Cart:1', 'Visit>Pay:1']);
    expect(() => compareQuery(log, 'funnel', newCases, returning)).toThrow(/funnel/);
  });
});

describe('directly-follows graph with many activities', () => {
  it('keeps only occurring pairs and agrees with a naive computation', async () => {
    // 2,500 activities exceed the dense grid, so edges go through the sparse map.
    const rows: [string, string, number][] = [];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let c = 0; c < 1000; c++) {
      for (let k = 0, minute = 0; k < 12; k++, minute += next() % 5)
        rows.push([`c${c}`, `page ${Math.floor(next() / 65536) % 2500}`, minute]);
    }
    const log = await logFrom(dir.path, 'pages.csv', csv(rows));
    expect(log.activities.length).toBeGreaterThan(2048);
    const naive = new Map<string, number[]>();
    for (let i = 1; i < rows.length; i++) {
      const [c, a, m] = rows[i]!;
      const [previousCase, previous, previousMinute] = rows[i - 1]!;
      if (c !== previousCase) continue;
      const key = `${previous}\u0000${a}`;
      naive.set(key, [...(naive.get(key) ?? []), (m - previousMinute) * 60]);
    }
    const graph = directlyFollows(log);
    expect(graph.edges.length).toBe(naive.size);
    for (const edge of graph.edges) {
      const gaps = naive.get(`${edge.from}\u0000${edge.to}`)!.sort((x, y) => x - y);
      expect(edge.count).toBe(gaps.length);
      expect(edge.meanSeconds).toBeCloseTo(gaps.reduce((sum, x) => sum + x, 0) / gaps.length, 9);
      const middle = (gaps.length - 1) / 2;
      expect(edge.medianSeconds).toBe((gaps[Math.floor(middle)]! + gaps[Math.ceil(middle)]!) / 2);
    }
    const keys = graph.edges.map((edge) => [edge.from, edge.to]);
    expect(keys).toEqual(
      [...keys].sort((x, y) => (x[0] === y[0] ? (x[1]! < y[1]! ? -1 : 1) : x[0]! < y[0]! ? -1 : 1)),
    );
  });
});
