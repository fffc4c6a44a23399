import type { Dictionary } from '../model/Dictionary';
import { EventLogBuilder } from '../model/EventLogBuilder';
import { resolveColumns, type ColumnMapping } from './columns';
import { CsvTokenizer, unescapeQuotes } from './csvTokenizer';
import { RowErrors, logError, withLine, type OnError } from './logError';
import { parseTimestampBytes } from './timestamp';

export interface StreamReadOptions {
  columns?: ColumnMapping;
  onError?: OnError;
  /** Called every ~64k events with the events read so far. */
  onEvents?: (events: number) => void;
}

/** Reads CSV (comma, semicolon or tab separated; RFC 4180 quoting) into a builder. */
export async function readCsv(
  file: string,
  chunks: AsyncIterable<Buffer>,
  options: StreamReadOptions = {},
): Promise<{ builder: EventLogBuilder; skipped: number }> {
  const errors = new RowErrors(file, options.onError ?? 'fail');
  let builder: EventLogBuilder | null = null;
  let header: string[] | null = null;
  let keys = { case: 0, activity: 0, timestamp: 0 };
  let extras: { field: number; attribute: number }[] = [];
  let scratch = Buffer.allocUnsafe(1 << 16);
  let tokenizer: CsvTokenizer | null = null;

  const text = (data: Buffer, start: number, end: number, isEscaped: number): string => {
    if (!isEscaped) return data.toString('utf8', start, end);
    if (scratch.length < end - start) scratch = Buffer.allocUnsafe(end - start);
    return scratch.toString('utf8', 0, unescapeQuotes(data, start, end, scratch));
  };
  const intern = (
    dictionary: Dictionary,
    data: Buffer,
    start: number,
    end: number,
    isEscaped: number,
  ): number => {
    if (!isEscaped) return dictionary.internBytes(data, start, end);
    if (scratch.length < end - start) scratch = Buffer.allocUnsafe(end - start);
    return dictionary.internBytes(scratch, 0, unescapeQuotes(data, start, end, scratch));
  };

  const onRecord = (
    data: Buffer,
    starts: Int32Array,
    ends: Int32Array,
    isEscaped: Uint8Array,
    count: number,
    line: number,
  ) => {
    if (!header) {
      header = [];
      for (let i = 0; i < count; i++) {
        header.push(
          text(data, starts[i]!, ends[i]!, isEscaped[i]!)
            .replace(/^\uFEFF/, '')
            .trim(),
        );
      }
      keys = resolveColumns(header, options.columns ?? {}, file);
      const extraNames = header.filter(
        (_, i) => i !== keys.case && i !== keys.activity && i !== keys.timestamp,
      );
      builder = new EventLogBuilder(extraNames);
      extras = header
        .map((_, i) => i)
        .filter((i) => i !== keys.case && i !== keys.activity && i !== keys.timestamp)
        .map((i, attribute) => ({ field: i, attribute }));
      return;
    }
    const b = builder!;
    if (count !== header.length) {
      errors.bad(line, `expected ${header.length} fields, found ${count}`);
      return;
    }
    const t = keys.timestamp;
    const micros = parseTimestampBytes(data, starts[t]!, ends[t]!);
    if (Number.isNaN(micros)) {
      const value = text(data, starts[t]!, ends[t]!, isEscaped[t]!);
      errors.bad(line, `cannot read timestamp "${value}" in column "${header[t]}"`);
      return;
    }
    if (starts[keys.case] === ends[keys.case]) {
      errors.bad(line, `empty case id in column "${header[keys.case]}"`);
      return;
    }
    if (starts[keys.activity] === ends[keys.activity]) {
      errors.bad(line, `empty activity in column "${header[keys.activity]}"`);
      return;
    }
    const c = keys.case;
    const a = keys.activity;
    const caseCode = intern(b.cases, data, starts[c]!, ends[c]!, isEscaped[c]!);
    const activityCode = intern(b.activities, data, starts[a]!, ends[a]!, isEscaped[a]!);
    const event = b.add(caseCode, activityCode, micros);
    for (let x = 0; x < extras.length; x++) {
      const { field: i, attribute } = extras[x]!;
      if (starts[i] === ends[i]) continue;
      b.setAttribute(
        event,
        attribute,
        intern(b.attributeDictionary(attribute), data, starts[i]!, ends[i]!, isEscaped[i]!),
      );
    }
    if ((event & 0xffff) === 0) options.onEvents?.(event);
  };

  try {
    for await (const chunk of chunks) {
      if (!tokenizer)
        tokenizer = new CsvTokenizer(detectDelimiter(chunk), onRecord, (l, m) => errors.bad(l, m));
      tokenizer.push(chunk);
    }
    tokenizer?.end();
  } catch (error) {
    throw withLine(error, file, tokenizer?.currentLine ?? 1);
  }
  if (!builder || (builder as EventLogBuilder).size === 0) {
    throw logError(file, tokenizer?.currentLine ?? 1, header ? 'the log has no events' : 'the log is empty');
  }
  return { builder, skipped: errors.skipped };
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
