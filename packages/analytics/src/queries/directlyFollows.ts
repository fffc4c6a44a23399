import { caseCount, eventCount, type EventLog } from '../model/EventLog';
import { edgeDurations } from './edgeDurations';
import { compareCodePoints } from './quantiles';

/** Above this many activities edges are kept in a map instead of a width × width grid. */
const DENSE_LIMIT = 2048;

export interface DfgEdge {
  from: string;
  to: string;
  count: number;
  meanSeconds: number;
  medianSeconds: number;
  p90Seconds: number;
}

/** The `trailmap analyze dfg --json` shape. */
export interface DirectlyFollowsGraph {
  cases: number;
  events: number;
  activities: Record<string, number>;
  start: Record<string, number>;
  end: Record<string, number>;
  edges: DfgEdge[];
}

/** Turns per-code counts into `{name: count}` with names in code-point order (zeros left out). */
export function countsByName(names: string[], counts: ArrayLike<number>): Record<string, number> {
  const order = names.map((_, code) => code).filter((code) => counts[code]! > 0);
  order.sort((a, b) => compareCodePoints(names[a]!, names[b]!));
  const out: Record<string, number> = {};
  for (const code of order) out[names[code]!] = counts[code]!;
  return out;
}

/**
 * Directly-follows graph with frequency and performance: for each pair of consecutive events in a
 * case, the count and the mean, median and 90th percentile of the time between them (exact; see
 * {@link edgeDurations}).
 */
export function directlyFollows(log: EventLog): DirectlyFollowsGraph {
  const names = log.activities;
  const width = names.length;
  const activityCounts = new Float64Array(width);
  const startCounts = new Float64Array(width);
  const endCounts = new Float64Array(width);
  const { caseStart, activity } = log;
  const cases = caseCount(log);
  // Edge slots: a dense width × width grid for usual logs; with many activities (web logs with
  // page names) only the pairs that occur get a slot, through a map.
  const isDense = width <= DENSE_LIMIT;
  const pairSlots = new Map<number, number>();
  const slotPairs: number[] = [];
  if (!isDense) {
    for (let c = 0; c < cases; c++) {
      for (let e = caseStart[c]! + 1; e < caseStart[c + 1]!; e++) {
        const pair = activity[e - 1]! * width + activity[e]!;
        if (!pairSlots.has(pair)) {
          pairSlots.set(pair, slotPairs.length);
          slotPairs.push(pair);
        }
      }
    }
  }
  const slotCount = isDense ? width * width : slotPairs.length;
  const slotOf = (pair: number) => (isDense ? pair : pairSlots.get(pair)!);
  const edgeCounts = new Int32Array(slotCount);
  for (let c = 0; c < cases; c++) {
    const from = caseStart[c]!;
    const to = caseStart[c + 1]!;
    if (to === from) continue;
    startCounts[activity[from]!]!++;
    endCounts[activity[to - 1]!]!++;
    activityCounts[activity[from]!]!++;
    for (let e = from + 1; e < to; e++) {
      activityCounts[activity[e]!]!++;
      edgeCounts[slotOf(activity[e - 1]! * width + activity[e]!)]!++;
    }
  }
  const rank = new Int32Array(width);
  names
    .map((_, code) => code)
    .sort((a, b) => compareCodePoints(names[a]!, names[b]!))
    .forEach((code, position) => (rank[code] = position));
  let pairs: number[] = slotPairs;
  if (isDense) {
    pairs = [];
    for (let pair = 0; pair < slotCount; pair++) if (edgeCounts[pair]! > 0) pairs.push(pair);
  }
  pairs.sort((x, y) => {
    const a = Math.floor(x / width);
    const b = Math.floor(y / width);
    return rank[a]! - rank[b]! || rank[x - a * width]! - rank[y - b * width]!;
  });
  // Edge k is pairs[k], in output order.
  const edgeOfSlot = new Int32Array(slotCount);
  const counts = new Int32Array(pairs.length);
  pairs.forEach((pair, k) => {
    edgeOfSlot[slotOf(pair)] = k;
    counts[k] = edgeCounts[slotOf(pair)]!;
  });
  const durations = edgeDurations(log, width, (pair) => edgeOfSlot[slotOf(pair)]!, counts);
  const edges: DfgEdge[] = pairs.map((pair, k) => {
    const from = Math.floor(pair / width);
    return {
      from: names[from]!,
      to: names[pair - from * width]!,
      count: counts[k]!,
      meanSeconds: durations.mean[k]! / 1e6,
      medianSeconds: durations.median[k]! / 1e6,
      p90Seconds: durations.p90[k]! / 1e6,
    };
  });
  return {
    cases,
    events: eventCount(log),
    activities: countsByName(names, activityCounts),
    start: countsByName(names, startCounts),
    end: countsByName(names, endCounts),
    edges,
  };
}
