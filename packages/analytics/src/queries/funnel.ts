import { z } from 'zod';
import { TrailmapError } from '@trailmap/schema';
import { caseCount, type EventLog } from '../model/EventLog';
import { quantileUnsorted } from './quantiles';

export const FunnelParamsSchema = z.strictObject({
  steps: z.array(z.string().min(1)).min(1, 'a funnel needs at least one step'),
  /** Max seconds from the first step to each later step; later matches do not count. */
  windowSeconds: z.number().positive().optional(),
});
export type FunnelParams = z.input<typeof FunnelParamsSchema>;

export interface FunnelStep {
  activity: string;
  cases: number;
  conversionFromStart: number;
  conversionFromPrevious: number;
  /** Median seconds since the previous step over the cases that reached this one (null for the first). */
  medianSecondsFromPrevious: number | null;
  /** Cases that reached the previous step but not this one (0 for the first). */
  dropOff: number;
}

export interface FunnelResult {
  steps: FunnelStep[];
}

/** Parses `A>B>C` into step names. */
export function parseSteps(text: string): string[] {
  const steps = text.split('>').map((step) => step.trim());
  if (steps.some((step) => step === '')) {
    throw new TrailmapError('INVALID_FUNNEL', `steps "${text}" must look like "A>B>C"`, { status: 400 });
  }
  return steps;
}

/**
 * Eventually-follows funnel. A case enters at its first event of step 1; each later step is
 * matched at the earliest event of that activity after the previous match (events in analysis
 * order), within `windowSeconds` of the entry when a window is set.
 */
export function funnel(log: EventLog, params: FunnelParams): FunnelResult {
  const { steps, windowSeconds } = FunnelParamsSchema.parse(params);
  const codes = steps.map((step) => log.activities.indexOf(step));
  const windowMicros = windowSeconds === undefined ? Infinity : windowSeconds * 1e6;
  const reached = new Float64Array(steps.length);
  const gaps = steps.map(() => new Float64Array(caseCount(log)));
  const { caseStart, activity, time } = log;
  const cases = caseCount(log);
  for (let c = 0; c < cases; c++) {
    let e = caseStart[c]!;
    const end = caseStart[c + 1]!;
    let entry = 0;
    let previous = 0;
    for (let s = 0; s < codes.length; s++) {
      const code = codes[s]!;
      if (code < 0) break;
      while (e < end && activity[e] !== code) e++;
      if (e >= end) break;
      const t = time[e]!;
      if (s === 0) entry = t;
      else if (t - entry > windowMicros) break;
      reached[s]!++;
      if (s > 0) gaps[s]![reached[s]! - 1] = t - previous;
      previous = t;
      e++;
    }
  }
  const first = reached[0]!;
  return {
    steps: steps.map((step, s) => {
      const count = reached[s]!;
      const before = s === 0 ? count : reached[s - 1]!;
      const median = s === 0 ? null : quantileUnsorted(gaps[s]!.subarray(0, count), 0.5);
      return {
        activity: step,
        cases: count,
        conversionFromStart: first === 0 ? 0 : count / first,
        conversionFromPrevious: before === 0 ? 0 : count / before,
        medianSecondsFromPrevious: median === null ? null : median / 1e6,
        dropOff: before - count,
      };
    }),
  };
}
