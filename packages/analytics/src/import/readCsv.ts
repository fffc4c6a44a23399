import { EventLogBuilder } from '../model/EventLogBuilder';
import { resolveColumns, type ColumnMapping } from './columns';
import { CsvTokenizer, unescapeQuotes, type RecordHandler } from './csvTokenizer';
import { RowErrors, logError, withLine, type OnError } from './logError';
import { parseTimestampInto } from './timestamp';
import { rowHandler, type KeyColumns } from './csvRows';

export interface StreamReadOptions {
  columns?: ColumnMapping;
  onError?: OnError;
  /** Called every ~64k events with the events read so far. */
  onEvents?: (events: number) => void;
}

const kit = { parseTimestampInto, unescapeQuotes };

const headerText = (data: Buffer, start: number, end: number, isEscaped: number): string => {
  if (!isEscaped) return data.toString('utf8', start, end);
  const scratch = Buffer.allocUnsafe(end - start);
  return scratch.toString('utf8', 0, unescapeQuotes(data, start, end, scratch));
};

/** What the header said: its names, the key columns and the delimiter. */
export interface CsvHeader {
  names: string[];
  keys: KeyColumns;
  delimiter: number;
  /** Line of the header record (1 unless blank lines come first). */
  line: number;
}

/**
 * CSV parsing state fed with chunks: the header, then rows into a builder. {@link readCsv} drives
 * it over a stream; the parallel reader over the first part of a file.
 */
export class CsvReader {
  readonly errors: RowErrors;
  builder: EventLogBuilder | null = null;
  header: CsvHeader | null = null;
  tokenizer: CsvTokenizer | null = null;

  constructor(
    private readonly file: string,
    private readonly options: StreamReadOptions,
    /** Size of the whole (uncompressed) input when known, to size the event arrays once. */
    private readonly totalBytes: () => number,
  ) {
    this.errors = new RowErrors(file, options.onError ?? 'fail');
  }

  push(chunk: Buffer): void {
    this.tokenizer ??= new CsvTokenizer(detectDelimiter(chunk), this.onHeader, (line, message) =>
      this.errors.bad(line, message),
    );
    this.tokenizer.push(chunk);
  }

  get line(): number {
    return this.tokenizer?.currentLine ?? 1;
  }

  private readonly onHeader: RecordHandler = (data, starts, ends, isEscaped, count, line) => {
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      names.push(
        headerText(data, starts[i]!, ends[i]!, isEscaped[i]!)
          .replace(/^\uFEFF/, '')
          .trim(),
      );
    }
    const keys = resolveColumns(names, this.options.columns ?? {}, this.file);
    const builder = new EventLogBuilder(
      names.filter((_, i) => i !== keys.case && i !== keys.activity && i !== keys.timestamp),
      estimateRows(data, ends[count - 1]!, line, this.totalBytes()),
    );
    this.builder = builder;
    this.header = { names, keys, delimiter: this.tokenizer!.delimiter, line };
    this.tokenizer!.onRecord = rowHandler(kit, names, keys, builder, this.errors, this.options.onEvents);
  };

  /** Ends the input; throws `LOG:LINE: …` for an empty log. */
  finish(): { builder: EventLogBuilder; skipped: number } {
    this.tokenizer?.end();
    const built = this.builder;
    if (!built || built.size === 0) {
      throw logError(this.file, this.line, built ? 'the log has no events' : 'the log is empty');
    }
    return { builder: built, skipped: this.errors.skipped };
  }
}

/** Reads CSV (comma, semicolon or tab separated; RFC 4180 quoting) into a builder. */
export async function readCsv(
  file: string,
  chunks: AsyncIterable<Buffer>,
  options: StreamReadOptions = {},
  /** Size of the whole (uncompressed) input when known, to size the event arrays once. */
  totalBytes: () => number = () => 0,
): Promise<{ builder: EventLogBuilder; skipped: number }> {
  const reader = new CsvReader(file, options, totalBytes);
  try {
    for await (const chunk of chunks) reader.push(chunk);
    return reader.finish();
  } catch (error) {
    throw withLine(error, file, reader.line);
  }
}

/** Rows expected in the whole file, judged from the lines in the first chunk (0 = unknown). */
export function estimateRows(
  data: Buffer,
  headerEnd: number,
  headerLine: number,
  totalBytes: number,
): number {
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
