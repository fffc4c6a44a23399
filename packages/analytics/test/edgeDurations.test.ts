import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EventLog } from '../src/index';
import { variants } from '../src/index';
import { edgeDurations } from '../src/queries/edgeDurations';
import { preciseSum, quantileSorted } from '../src/queries/quantiles';

/** A log of `cases` (activity codes with gaps in µs), ordered as the builder would hand it over. */
function logOf(cases: { activity: number; gap: number }[][], width: number): EventLog {
  const caseStart = new Int32Array(cases.length + 1);
  const activity: number[] = [];
  const time: number[] = [];
  cases.forEach((events, c) => {
    let now = 1_700_000_000_000_000;
    for (const event of events) {
      now += event.gap;
      activity.push(event.activity);
      time.push(now);
    }
    caseStart[c + 1] = activity.length;
  });
  return {
    caseIds: cases.map((_, c) => `c${c}`),
    activities: Array.from({ length: width }, (_, a) => `A${a}`),
    caseStart,
    activity: Int32Array.from(activity),
    time: Float64Array.from(time),
    position: Float64Array.from(time, (_, e) => e),
    attributes: new Map(),
  };
}

/** Durations per pair in log order, computed the obvious way. */
function naiveDurations(log: EventLog, width: number): Map<number, number[]> {
  const byPair = new Map<number, number[]>();
  for (let c = 0; c + 1 < log.caseStart.length; c++) {
    for (let e = log.caseStart[c]! + 1; e < log.caseStart[c + 1]!; e++) {
      const pair = log.activity[e - 1]! * width + log.activity[e]!;
      byPair.set(pair, [...(byPair.get(pair) ?? []), log.time[e]! - log.time[e - 1]!]);
    }
  }
  return byPair;
}

// Gaps from 0 (ties) to centuries, with many repeats so that ranks land inside crowded buckets.
const gap = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 0, max: 2 ** 50 }),
  fc.constantFrom(1000, 1001, 1002, 60_000_000),
);

describe('edge durations from histograms', () => {
  it('equal exact sorting (median and p90 interpolated, mean summed in log order)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(fc.record({ activity: fc.nat(), gap }), { minLength: 1, maxLength: 30 }), {
          minLength: 1,
          maxLength: 60,
        }),
        (width, rawCases) => {
          const cases = rawCases.map((events) =>
            events.map((event) => ({ activity: event.activity % width, gap: event.gap })),
          );
          const log = logOf(cases, width);
          const naive = naiveDurations(log, width);
          const pairs = [...naive.keys()].sort((x, y) => x - y);
          const edgeOf = new Map(pairs.map((pair, k) => [pair, k]));
          const counts = Int32Array.from(pairs, (pair) => naive.get(pair)!.length);
          const viaHistogram = edgeDurations(log, width, (pair) => edgeOf.get(pair)!, counts, 'histogram');
          pairs.forEach((pair, k) => {
            const inOrder = Float64Array.from(naive.get(pair)!);
            const sorted = Float64Array.from(inOrder).sort();
            expect(viaHistogram.median[k]).toBe(quantileSorted(sorted, 0.5));
            expect(viaHistogram.p90[k]).toBe(quantileSorted(sorted, 0.9));
            expect(viaHistogram.mean[k]).toBe(preciseSum(inOrder) / inOrder.length);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('chooses histograms for large logs and gives what the direct way gives', () => {
    // 20,000 events over two activities: histograms are far smaller than the durations.
    const cases = Array.from({ length: 2000 }, (_, c) =>
      Array.from({ length: 10 }, (_, i) => ({
        activity: (c * 7 + i * i) % 2,
        gap: ((c * 31 + i) % 97) * 1000,
      })),
    );
    const log = logOf(cases, 2);
    const naive = naiveDurations(log, 2);
    const pairs = [...naive.keys()].sort((x, y) => x - y);
    const counts = Int32Array.from(pairs, (pair) => naive.get(pair)!.length);
    const edgeOfPair = (pair: number) => pairs.indexOf(pair);
    expect(edgeDurations(log, 2, edgeOfPair, counts)).toEqual(
      edgeDurations(log, 2, edgeOfPair, counts, 'materialized'),
    );
  });
});

describe('variants with a limit', () => {
  it('are the first variants of the full ranking, ties at the cut included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 80,
        }),
        fc.integer({ min: -1, max: 12 }),
        (sequences, limit) => {
          const log = logOf(
            sequences.map((events) => events.map((activity) => ({ activity, gap: 1 }))),
            3,
          );
          const all = variants(log);
          const top = variants(log, { limit });
          expect(top.variantCount).toBe(all.variantCount);
          expect(top.variants).toEqual(all.variants.slice(0, limit));
        },
      ),
      { numRuns: 300 },
    );
  });
});
