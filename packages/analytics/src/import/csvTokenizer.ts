/** Receives one CSV record as byte ranges; `isEscaped[i]` means field i contains doubled quotes. */
export type RecordHandler = (
  data: Buffer,
  starts: Int32Array,
  ends: Int32Array,
  isEscaped: Uint8Array,
  fieldCount: number,
  line: number,
) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const MAX_FIELDS = 4096;

/**
 * RFC 4180 tokenizer over a stream of chunks. It hands out complete records only; a record cut by
 * a chunk boundary is carried over to the next chunk. Field ranges exclude quotes; quoted fields
 * with `""` inside are flagged so the caller unescapes only those.
 */
export class CsvTokenizer {
  private carry: Buffer | null = null;
  private line = 1;
  private readonly starts = new Int32Array(MAX_FIELDS);
  private readonly ends = new Int32Array(MAX_FIELDS);
  private readonly isEscaped = new Uint8Array(MAX_FIELDS);
  /** Set when a record is malformed (stray quote, too many fields); reported with its line. */
  problem: { line: number; message: string } | null = null;

  constructor(
    private readonly delimiter: number,
    /** Replaceable, so a reader can switch from its header handler to a row handler. */
    public onRecord: RecordHandler,
    private readonly onProblem: (line: number, message: string) => void,
  ) {}

  get currentLine(): number {
    return this.line;
  }

  push(chunk: Buffer): void {
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const consumed = this.parse(data, false);
    this.carry = consumed < data.length ? Buffer.from(data.subarray(consumed)) : null;
  }

  end(): void {
    if (this.carry) this.parse(this.carry, true);
    this.carry = null;
  }

  /** Parses whole records from `data`; returns how many bytes were consumed. */
  private parse(data: Buffer, isFinal: boolean): number {
    const { starts, ends, isEscaped, delimiter } = this;
    const length = data.length;
    let pos = 0;
    // Cached next positions of newline, quote and delimiter (-2 = not searched yet, -1 = none):
    // native indexOf does the scanning, and each search moves forward only, so the work is linear.
    let nextLf = -2;
    let nextQuote = -2;
    let nextDelimiter = -2;
    while (pos < length) {
      if (data[pos] !== QUOTE) {
        if (nextLf < pos) nextLf = data.indexOf(LF, pos);
        if (nextLf === -1 && !isFinal) return pos;
        const lineEnd = nextLf === -1 ? length : nextLf;
        if (nextQuote !== -1 && nextQuote < pos) nextQuote = data.indexOf(QUOTE, pos);
        if (nextQuote === -1 || nextQuote > lineEnd) {
          const contentEnd = lineEnd > pos && data[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
          let fields = 0;
          let fieldStart = pos;
          for (;;) {
            if (nextDelimiter !== -1 && nextDelimiter < fieldStart)
              nextDelimiter = data.indexOf(delimiter, fieldStart);
            isEscaped[fields] = 0;
            starts[fields] = fieldStart;
            if (nextDelimiter === -1 || nextDelimiter >= contentEnd || fields === MAX_FIELDS - 1) {
              ends[fields++] = contentEnd;
              break;
            }
            ends[fields++] = nextDelimiter;
            fieldStart = nextDelimiter + 1;
          }
          const recordLine = this.line++;
          pos = lineEnd + 1;
          if (!(fields === 1 && ends[0] === starts[0])) {
            this.onRecord(data, starts, ends, isEscaped, fields, recordLine);
          }
          continue;
        }
      }
      const recordStart = pos;
      const recordLine = this.line;
      let fields = 0;
      let lines = 0;
      let isBad: string | null = null;
      let isComplete = false;
      for (;;) {
        if (fields === MAX_FIELDS) {
          isBad = `more than ${MAX_FIELDS} fields`;
          fields--;
        }
        isEscaped[fields] = 0;
        if (pos < length && data[pos] === QUOTE) {
          pos++;
          starts[fields] = pos;
          let closed = false;
          while (pos < length) {
            const byte = data[pos]!;
            if (byte === QUOTE) {
              if (pos + 1 < length && data[pos + 1] === QUOTE) {
                isEscaped[fields] = 1;
                pos += 2;
                continue;
              }
              if (pos + 1 >= length && !isFinal) break;
              closed = true;
              break;
            }
            if (byte === LF) lines++;
            pos++;
          }
          if (!closed) {
            if (!isFinal) return recordStart;
            isBad = 'unterminated quoted field';
            ends[fields] = pos;
            fields++;
            isComplete = true;
            break;
          }
          ends[fields] = pos;
          pos++;
          fields++;
          if (pos >= length) {
            if (!isFinal) return recordStart;
            isComplete = true;
            break;
          }
          const after = data[pos]!;
          if (after === delimiter) {
            pos++;
            continue;
          }
          if (after === LF || after === CR) {
            if (after === CR && pos + 1 >= length && !isFinal) return recordStart;
            pos = this.skipNewline(data, pos);
            lines++;
            isComplete = true;
            break;
          }
          isBad = 'unexpected character after a closing quote';
          while (pos < length && data[pos] !== LF) pos++;
          if (pos >= length && !isFinal) return recordStart;
          if (pos < length) pos++;
          lines++;
          isComplete = true;
          break;
        }
        starts[fields] = pos;
        while (pos < length) {
          const byte = data[pos]!;
          if (byte === delimiter || byte === LF || byte === CR) break;
          if (byte === QUOTE) isBad = 'stray quote inside an unquoted field';
          pos++;
        }
        if (pos >= length && !isFinal) return recordStart;
        ends[fields] = pos;
        fields++;
        if (pos >= length) {
          isComplete = true;
          break;
        }
        if (data[pos] === delimiter) {
          pos++;
          continue;
        }
        if (data[pos] === CR && pos + 1 >= length && !isFinal) return recordStart;
        pos = this.skipNewline(data, pos);
        lines++;
        isComplete = true;
        break;
      }
      this.line += lines;
      if (!isComplete) return recordStart;
      if (isBad) this.onProblem(recordLine, isBad);
      else if (!(fields === 1 && ends[0] === starts[0])) {
        this.onRecord(data, starts, ends, isEscaped, fields, recordLine);
      }
    }
    return pos;
  }

  private skipNewline(data: Buffer, pos: number): number {
    if (data[pos] === CR) pos++;
    if (pos < data.length && data[pos] === LF) pos++;
    return pos;
  }
}

/** Removes the doubling of quotes from a quoted field's bytes. */
export function unescapeQuotes(data: Buffer, start: number, end: number, scratch: Buffer): number {
  let out = 0;
  for (let i = start; i < end; i++) {
    const byte = data[i]!;
    scratch[out++] = byte;
    if (byte === QUOTE) i++;
  }
  return out;
}
