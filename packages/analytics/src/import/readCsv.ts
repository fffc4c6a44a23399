import type { Dictionary } from '../model/Dictionary';
import { EventLogBuilder } from '../model/EventLogBuilder';
import { resolveColumns, type ColumnMapping } from './columns';
import { CsvTokenizer, unescapeQuotes, type RecordHandler } from './csvTokenizer';
import { RowErrors, logError, withLine, type OnError } from './logError';
import { parseTimestampInto } from './timestamp';

export interface StreamReadOptions {
  columns?: ColumnMapping;
  onError?: OnError;
  /** Called every ~64k events with the events read so far. */
  onEvents?: (events: number) => void;
}

let scratch = Buffer.allocUnsafe(1 << 16);
const unescaped = (data: Buffer, start: number, end: number): number => {
  if (scratch.length < end - start) scratch = Buffer.allocUnsafe(end - start);
  return unescapeQuotes(data, start, end, scratch);
};
const text = (data: Buffer, start: number, end: number, isEscaped: number): string =>
  isEscaped ? scratch.toString('utf8', 0, unescaped(data, start, end)) : data.toString('utf8', start, end);
const intern = (
  dictionary: Dictionary,
  data: Buffer,
  start: number,
  end: number,
  isEscaped: number,
): number =>
  isEscaped
    ? dictionary.internBytes(scratch, 0, unescaped(data, start, end))
    : dictionary.internBytes(data, start, end);

/**
 * The handler for data rows once the header is known; everything it needs is a constant of the
 * closure so the per-row path stays monomorphic.
 */
function rowHandler(
  header: string[],
  keys: { case: number; activity: number; timestamp: number },
  builder: EventLogBuilder,
  errors: RowErrors,
  onEvents: ((events: number) => void) | undefined,
): RecordHandler {
  const { case: c, activity: a, timestamp: t } = keys;
  const width = header.length;
  const extraFields = Int32Array.from(header.map((_, i) => i).filter((i) => i !== c && i !== a && i !== t));
  const extraDictionaries = Array.from(extraFields, (_, x) => builder.attributeDictionary(x));
  const cases = builder.cases;
  const activities = builder.activities;
  const micros = new Float64Array(1);
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

/** Reads CSV (comma, semicolon or tab separated; RFC 4180 quoting) into a builder. */
export async function readCsv(
  file: string,
  chunks: AsyncIterable<Buffer>,
  options: StreamReadOptions = {},
  /** Size of the whole (uncompressed) input when known, to size the event arrays once. */
  totalBytes: () => number = () => 0,
): Promise<{ builder: EventLogBuilder; skipped: number }> {
  const errors = new RowErrors(file, options.onError ?? 'fail');
  let builder: EventLogBuilder | null = null;
  let tokenizer: CsvTokenizer | null = null;
  const onHeader: RecordHandler = (data, starts, ends, isEscaped, count, line) => {
    const header: string[] = [];
    for (let i = 0; i < count; i++)
      header.push(
        text(data, starts[i]!, ends[i]!, isEscaped[i]!)
          .replace(/^\uFEFF/, '')
          .trim(),
      );
    const keys = resolveColumns(header, options.columns ?? {}, file);
    builder = new EventLogBuilder(
      header.filter((_, i) => i !== keys.case && i !== keys.activity && i !== keys.timestamp),
      estimateRows(data, ends[count - 1]!, line, totalBytes()),
    );
    tokenizer!.onRecord = rowHandler(header, keys, builder, errors, options.onEvents);
  };
  try {
    for await (const chunk of chunks) {
      tokenizer ??= new CsvTokenizer(detectDelimiter(chunk), onHeader, (line, message) =>
        errors.bad(line, message),
      );
      tokenizer.push(chunk);
    }
    tokenizer?.end();
  } catch (error) {
    throw withLine(error, file, tokenizer?.currentLine ?? 1);
  }
  const built = builder as EventLogBuilder | null;
  if (!built || built.size === 0) {
    throw logError(file, tokenizer?.currentLine ?? 1, built ? 'the log has no events' : 'the log is empty');
  }
  return { builder: built, skipped: errors.skipped };
}

/** Rows expected in the whole file, judged from the lines in the first chunk (0 = unknown). */
function estimateRows(data: Buffer, headerEnd: number, headerLine: number, totalBytes: number): number {
  if (totalBytes <= 0 || headerLine !== 1) return 0;
  let lines = 0;
  let at = data.indexOf(10, headerEnd);
  const first = at;
  while (at >= 0 && lines < 4096) {
    lines++;
    const next = data.indexOf(10, at + 1);
    if (next < 0) break;
    at = next;
  }
  if (lines < 16) return 0;
  const bytesPerRow = (at - first) / (lines - 1);
  return Math.ceil((totalBytes / bytesPerRow) * 1.03) + 1024;
}

function detectDelimiter(chunk: Buffer): number {
  const end = chunk.indexOf(10);
  const firstLine = chunk.toString('utf8', 0, end < 0 ? Math.min(chunk.length, 65536) : end);
  const count = (char: string) => firstLine.split(char).length - 1;
  const comma = count(',');
  if (count('\t') > comma) return 9;
  if (count(';') > comma) return 59;
  return 44;
}
