import { caseCount, type EventLog } from '../model/EventLog';
import { describeMicros } from './quantiles';

/** The `trailmap analyze durations --json` shape. */
export interface CaseDurations {
  cases: number;
  caseDurationSeconds: {
    min: number | null;
    median: number | null;
    mean: number | null;
    p90: number | null;
    max: number | null;
  };
}

/** Duration of each case (last minus first event) in microseconds. */
export function caseDurationMicros(log: EventLog): Float64Array {
  const cases = caseCount(log);
  const out = new Float64Array(cases);
  for (let c = 0; c < cases; c++)
    out[c] = log.time[log.caseStart[c + 1]! - 1]! - log.time[log.caseStart[c]!]!;
  return out;
}

/** Case durations: min, exact median and 90th percentile (interpolated), mean and max, in seconds. */
export function caseDurations(log: EventLog): CaseDurations {
  return { cases: caseCount(log), caseDurationSeconds: describeMicros(caseDurationMicros(log)) };
}
