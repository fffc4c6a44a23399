import { caseCount, type EventLog } from '../model/EventLog';
import { compareCodePoints } from './quantiles';

export interface ReworkRow {
  activity: string;
  /** Cases in which the activity happens more than once. */
  casesWithRework: number;
  /** Executions beyond the first, summed over cases. */
  repeats: number;
  /** Times the activity directly follows itself. */
  selfLoops: number;
}

/** Rework and loops per activity, most repeated first (ties by name). */
export function rework(log: EventLog): ReworkRow[] {
  const width = log.activities.length;
  const seen = new Int32Array(width);
  const casesWithRework = new Float64Array(width);
  const repeats = new Float64Array(width);
  const selfLoops = new Float64Array(width);
  const { caseStart, activity } = log;
  const cases = caseCount(log);
  for (let c = 0; c < cases; c++) {
    const from = caseStart[c]!;
    const to = caseStart[c + 1]!;
    for (let e = from; e < to; e++) {
      const a = activity[e]!;
      seen[a]!++;
      if (e > from && activity[e - 1] === a) selfLoops[a]!++;
    }
    for (let e = from; e < to; e++) {
      const a = activity[e]!;
      const count = seen[a]!;
      if (count === 0) continue;
      if (count > 1) {
        casesWithRework[a]!++;
        repeats[a]! += count - 1;
      }
      seen[a] = 0;
    }
  }
  const rows: ReworkRow[] = [];
  for (let a = 0; a < width; a++) {
    if (repeats[a] === 0) continue;
    rows.push({
      activity: log.activities[a]!,
      casesWithRework: casesWithRework[a]!,
      repeats: repeats[a]!,
      selfLoops: selfLoops[a]!,
    });
  }
  return rows.sort((x, y) => y.repeats - x.repeats || compareCodePoints(x.activity, y.activity));
}
