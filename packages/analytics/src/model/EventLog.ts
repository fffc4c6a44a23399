/**
 * An event log in memory, dictionary-encoded and already in analysis order: events grouped by
 * case (cases in order of first appearance), and within a case by (timestamp, input position).
 * Every query in `queries/` reads this shape; both engines produce it.
 */
export interface EventLog {
  /** Case id of each case code. */
  caseIds: string[];
  /** Activity name of each activity code. */
  activities: string[];
  /** Events of case `c` are `[caseStart[c], caseStart[c + 1])`; length = cases + 1. */
  caseStart: Int32Array;
  /** Activity code of each event. */
  activity: Int32Array;
  /** Epoch microseconds of each event (whole numbers, exact in a double). */
  time: Float64Array;
  /** Position of each event in the input (0-based), the tie-breaker of the ordering rule. */
  position: Float64Array;
  /** Extra columns, one dictionary-encoded column per attribute; code -1 = no value. */
  attributes: Map<string, AttributeColumn>;
}

export interface AttributeColumn {
  values: string[];
  codes: Int32Array;
}

export const caseCount = (log: EventLog): number => log.caseStart.length - 1;
export const eventCount = (log: EventLog): number => log.activity.length;

/** Formats epoch microseconds as an ISO instant with microseconds (`2024-01-01T00:00:00.000001Z`). */
export function formatMicros(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const rest = micros - millis * 1000;
  const iso = new Date(millis).toISOString();
  return rest === 0 ? iso : `${iso.slice(0, -1)}${String(rest).padStart(3, '0')}Z`;
}

/** Keeps the cases whose flag is set (and, optionally, only the flagged events); order is kept. */
export function selectEvents(log: EventLog, keepCase: Uint8Array, keepEvent?: Uint8Array): EventLog {
  let events = 0;
  let cases = 0;
  const cases_ = caseCount(log);
  for (let c = 0; c < cases_; c++) {
    if (!keepCase[c]) continue;
    let kept = 0;
    for (let e = log.caseStart[c]!; e < log.caseStart[c + 1]!; e++) if (!keepEvent || keepEvent[e]) kept++;
    if (kept > 0) {
      cases++;
      events += kept;
    }
  }
  const caseIds: string[] = [];
  const caseStart = new Int32Array(cases + 1);
  const activity = new Int32Array(events);
  const time = new Float64Array(events);
  const position = new Float64Array(events);
  const attributeCodes = [...log.attributes.values()].map(() => new Int32Array(events));
  const sources = [...log.attributes.values()];
  let out = 0;
  for (let c = 0; c < cases_; c++) {
    if (!keepCase[c]) continue;
    const startOut = out;
    for (let e = log.caseStart[c]!; e < log.caseStart[c + 1]!; e++) {
      if (keepEvent && !keepEvent[e]) continue;
      activity[out] = log.activity[e]!;
      time[out] = log.time[e]!;
      position[out] = log.position[e]!;
      for (let a = 0; a < sources.length; a++) attributeCodes[a]![out] = sources[a]!.codes[e]!;
      out++;
    }
    if (out > startOut) {
      caseIds.push(log.caseIds[c]!);
      caseStart[caseIds.length] = out;
    }
  }
  const attributes = new Map<string, AttributeColumn>();
  [...log.attributes.keys()].forEach((key, a) =>
    attributes.set(key, { values: sources[a]!.values, codes: attributeCodes[a]! }),
  );
  return { caseIds, activities: log.activities, caseStart, activity, time, position, attributes };
}
