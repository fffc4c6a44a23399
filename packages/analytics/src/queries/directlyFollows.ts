import { caseCount, eventCount, type EventLog } from '../model/EventLog';
import { compareCodePoints, preciseSum, quantileUnsorted } from './quantiles';

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
 * case, the count and the mean, median and 90th percentile of the time between them. Edge
 * durations are grouped by a counting sort on the edge key, then each group is sorted once.
 */
export function directlyFollows(log: EventLog): DirectlyFollowsGraph {
  const names = log.activities;
  const width = names.length;
  const activityCounts = new Float64Array(width);
  const startCounts = new Float64Array(width);
  const endCounts = new Float64Array(width);
  const edgeCounts = new Int32Array(width * width);
  const { caseStart, activity, time } = log;
  const cases = caseCount(log);
  for (let e = 0; e < activity.length; e++) activityCounts[activity[e]!]!++;
  for (let c = 0; c < cases; c++) {
    const from = caseStart[c]!;
    const to = caseStart[c + 1]!;
    if (to === from) continue;
    startCounts[activity[from]!]!++;
    endCounts[activity[to - 1]!]!++;
    for (let e = from + 1; e < to; e++) edgeCounts[activity[e - 1]! * width + activity[e]!]!++;
  }
  const offsets = new Int32Array(width * width + 1);
  for (let k = 0; k < width * width; k++) offsets[k + 1] = offsets[k]! + edgeCounts[k]!;
  const durations = new Float64Array(offsets[width * width]!);
  const fill = offsets.slice(0, width * width);
  for (let c = 0; c < cases; c++) {
    for (let e = caseStart[c]! + 1; e < caseStart[c + 1]!; e++) {
      durations[fill[activity[e - 1]! * width + activity[e]!]!++] = time[e]! - time[e - 1]!;
    }
  }
  const byName = names.map((_, code) => code).sort((a, b) => compareCodePoints(names[a]!, names[b]!));
  const edges: DfgEdge[] = [];
  for (const a of byName) {
    for (const b of byName) {
      const key = a * width + b;
      const count = edgeCounts[key]!;
      if (count === 0) continue;
      const group = durations.subarray(offsets[key]!, offsets[key + 1]!);
      const meanSeconds = preciseSum(group) / count / 1e6;
      const medianSeconds = quantileUnsorted(group, 0.5)! / 1e6;
      edges.push({
        from: names[a]!,
        to: names[b]!,
        count,
        meanSeconds,
        medianSeconds,
        p90Seconds: quantileUnsorted(group, 0.9)! / 1e6,
      });
    }
  }
  return {
    cases,
    events: eventCount(log),
    activities: countsByName(names, activityCounts),
    start: countsByName(names, startCounts),
    end: countsByName(names, endCounts),
    edges,
  };
}
