import { caseCount, eventCount, formatMicros, type EventLog } from '../model/EventLog';
import { groupVariants } from './variants';

export interface LogSummary {
  cases: number;
  events: number;
  activities: number;
  variants: number;
  /** First and last event time as ISO instants (microseconds kept), null for an empty log. */
  firstEvent: string | null;
  lastEvent: string | null;
  eventsPerCase: { min: number; mean: number; max: number };
  /** Extra columns found in the input. */
  attributes: string[];
}

/** Size and time span of a log. */
export function summary(log: EventLog): LogSummary {
  const cases = caseCount(log);
  const events = eventCount(log);
  let first = Infinity;
  let last = -Infinity;
  for (let e = 0; e < events; e++) {
    const t = log.time[e]!;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  let min = Infinity;
  let max = 0;
  for (let c = 0; c < cases; c++) {
    const length = log.caseStart[c + 1]! - log.caseStart[c]!;
    if (length < min) min = length;
    if (length > max) max = length;
  }
  const used = new Uint8Array(log.activities.length);
  for (let e = 0; e < events; e++) used[log.activity[e]!] = 1;
  return {
    cases,
    events,
    activities: used.reduce((sum, flag) => sum + flag, 0),
    variants: cases === 0 ? 0 : groupVariants(log).counts.length,
    firstEvent: events === 0 ? null : formatMicros(first),
    lastEvent: events === 0 ? null : formatMicros(last),
    eventsPerCase: { min: cases === 0 ? 0 : min, mean: cases === 0 ? 0 : events / cases, max },
    attributes: [...log.attributes.keys()],
  };
}
