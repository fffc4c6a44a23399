import type { Dictionary } from '../model/Dictionary';
import type { RecordHandler } from './csvTokenizer';

/** The key columns of a CSV header. */
export interface KeyColumns {
  case: number;
  activity: number;
  timestamp: number;
}

/** What the row handler writes to: an {@link EventLogBuilder} or a worker's block of events. */
export interface RowSink {
  readonly cases: Dictionary;
  readonly activities: Dictionary;
  attributeDictionary(index: number): Dictionary;
  add(caseCode: number, activityCode: number, micros: number): number;
  setAttribute(eventIndex: number, attribute: number, code: number): void;
}

/** Where bad rows go: thrown as `LOG:LINE: message`, counted, or (in a worker) recorded. */
export interface BadRows {
  bad(line: number, message: string): void;
}

/**
 * The functions the row handler calls, passed in rather than imported: the parallel CSV reader
 * runs this same handler in a worker from its source text, where there are no modules.
 */
export interface RowKit {
  parseTimestampInto(
    bytes: Uint8Array,
    start: number,
    end: number,
    out: Float64Array,
    index: number,
  ): boolean;
  unescapeQuotes(data: Buffer, start: number, end: number, scratch: Buffer): number;
}

/**
 * The handler for data rows once the header is known (see `EventLogBuilder`); everything it needs is a constant of the
 * closure so the per-row path stays monomorphic. Self-contained (no module references) for the
 * same reason as {@link RowKit}.
 */
export function rowHandler(
  kit: RowKit,
  header: string[],
  keys: KeyColumns,
  builder: RowSink,
  errors: BadRows,
  onEvents: ((events: number) => void) | undefined,
): RecordHandler {
  const { parseTimestampInto, unescapeQuotes } = kit;
  const { case: c, activity: a, timestamp: t } = keys;
  const width = header.length;
  const extraFields = Int32Array.from(header.map((_, i) => i).filter((i) => i !== c && i !== a && i !== t));
  const extraDictionaries = Array.from(extraFields, (_, x) => builder.attributeDictionary(x));
  const cases = builder.cases;
  const activities = builder.activities;
  const micros = new Float64Array(1);
  let scratch = Buffer.allocUnsafe(1 << 12);
  const unescaped = (data: Buffer, start: number, end: number): number => {
    if (scratch.length < end - start) scratch = Buffer.allocUnsafe(end - start);
    return unescapeQuotes(data, start, end, scratch);
  };
  const text = (data: Buffer, start: number, end: number, isEscaped: number): string =>
    isEscaped ? scratch.toString('utf8', 0, unescaped(data, start, end)) : data.toString('utf8', start, end);
  const intern = (dictionary: Dictionary, data: Buffer, start: number, end: number, isEscaped: number) =>
    isEscaped
      ? dictionary.internBytes(scratch, 0, unescaped(data, start, end))
      : dictionary.internBytes(data, start, end);
  return (data, starts, ends, isEscaped, count, line) => {
    if (count !== width) return errors.bad(line, `expected ${width} fields, found ${count}`);
    if (!parseTimestampInto(data, starts[t]!, ends[t]!, micros, 0)) {
      return errors.bad(
        line,
        `cannot read timestamp "${text(data, starts[t]!, ends[t]!, isEscaped[t]!)}" in column "${header[t]}"`,
      );
    }
    if (starts[c] === ends[c]) return errors.bad(line, `empty case id in column "${header[c]}"`);
    if (starts[a] === ends[a]) return errors.bad(line, `empty activity in column "${header[a]}"`);
    const event = builder.add(
      intern(cases, data, starts[c]!, ends[c]!, isEscaped[c]!),
      intern(activities, data, starts[a]!, ends[a]!, isEscaped[a]!),
      micros[0]!,
    );
    for (let x = 0; x < extraFields.length; x++) {
      const i = extraFields[x]!;
      if (starts[i] === ends[i]) continue;
      builder.setAttribute(
        event,
        x,
        intern(extraDictionaries[x]!, data, starts[i]!, ends[i]!, isEscaped[i]!),
      );
    }
    if ((event & 0xffff) === 0) onEvents?.(event);
  };
}
