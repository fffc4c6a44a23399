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
  /** Bytes of an unfinished record, at the front of `work`. */
  private carryLength = 0;
  /** Reused for carry + next chunk: fresh memory is slow to touch, a warm buffer is cheap. */
  private work: Buffer = Buffer.allocUnsafe(0);
  private line = 1;
  private readonly starts = new Int32Array(MAX_FIELDS);
  private readonly ends = new Int32Array(MAX_FIELDS);
  private readonly isEscaped = new Uint8Array(MAX_FIELDS);
  /** Set when a record is malformed (stray quote, too many fields); reported with its line. */
  problem: { line: number; message: string } | null = null;

  constructor(
    readonly delimiter: number,
    /** Replaceable, so a reader can switch from its header handler to a row handler. */
    public onRecord: RecordHandler,
    private readonly onProblem: (line: number, message: string) => void,
  ) {}

  /** Whether bytes of an unfinished record are waiting for the next chunk. */
  get hasPartialRecord(): boolean {
    return this.carryLength > 0;
  }

  get currentLine(): number {
    return this.line;
  }

  /**
   * Parses the complete records of `chunk` (after any carried-over bytes). The chunk is not kept:
   * the caller may reuse its memory once `push` returns.
   */
  push(chunk: Buffer): void {
    // An unfinished record from the last chunk is completed by joining it with the start of this
    // one (up to a newline, then twice as much each time a quoted field spans more lines), so the
    // rest of the chunk is parsed where it is instead of being copied behind the carry.
    let from = 0;
    let want = 1;
    while (this.carryLength > 0) {
      const lineEnd = chunk.indexOf(LF, from + want - 1);
      const to = lineEnd < 0 ? chunk.length : lineEnd + 1;
      this.reserve(this.carryLength + to - from);
      chunk.copy(this.work, this.carryLength, from, to);
      const data = this.work.subarray(0, this.carryLength + to - from);
      const consumed = this.parse(data, false);
      if (consumed > 0 && consumed < data.length) data.copy(this.work, 0, consumed);
      this.carryLength = data.length - consumed;
      from = to;
      if (to === chunk.length) return;
      want *= 2;
    }
    const data = from === 0 ? chunk : chunk.subarray(from);
    const consumed = this.parse(data, false);
    const rest = data.length - consumed;
    if (rest > 0) {
      this.reserve(rest);
      data.copy(this.work, 0, consumed);
    }
    this.carryLength = rest;
  }

  end(): void {
    if (this.carryLength > 0) this.parse(this.work.subarray(0, this.carryLength), true);
    this.carryLength = 0;
  }

  /** Makes `work` hold at least `bytes`, keeping the carried-over bytes at its front. */
  private reserve(bytes: number): void {
    if (this.work.length >= bytes) return;
    const grown = Buffer.allocUnsafe(Math.max(bytes, this.work.length * 2, 1 << 16));
    this.work.copy(grown, 0, 0, this.carryLength);
    this.work = grown;
  }

  /** Parses whole records from `data`; returns how many bytes were consumed. */
  private parse(data: Buffer, isFinal: boolean): number {
    const { starts, ends, isEscaped, delimiter } = this;
    const length = data.length;
    let pos = 0;
    while (pos < length) {
      // Fast path: an unquoted record, scanned byte by byte (cheaper than native indexOf calls on
      // short lines). Any quote sends the record to the full state machine below.
      if (data[pos] !== QUOTE) {
        let fields = 0;
        let fieldStart = pos;
        let at = pos;
        let byte = 0;
        while (at < length) {
          byte = data[at]!;
          if (byte === LF || byte === QUOTE) break;
          if (byte === delimiter) {
            if (fields === MAX_FIELDS - 1) break;
            starts[fields] = fieldStart;
            isEscaped[fields] = 0;
            ends[fields++] = at;
            fieldStart = at + 1;
          }
          at++;
        }
        if (at >= length && !isFinal) return pos;
        if (at >= length || byte === LF) {
          const contentEnd = at > fieldStart && data[at - 1] === CR ? at - 1 : at;
          starts[fields] = fieldStart;
          isEscaped[fields] = 0;
          ends[fields++] = contentEnd;
          const recordLine = this.line++;
          pos = at + 1;
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

/**
 * This module as a plain script (it imports nothing), for the parallel CSV reader's worker: the
 * worker runs from source text because workers cannot load TypeScript modules here.
 */
export function tokenizerScript(): string {
  return [
    `const QUOTE = ${QUOTE}, LF = ${LF}, CR = ${CR}, MAX_FIELDS = ${MAX_FIELDS};`,
    String(CsvTokenizer),
    String(unescapeQuotes),
  ].join('\n');
}
