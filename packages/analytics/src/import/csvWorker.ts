import type { MessagePort } from 'node:worker_threads';
import { Dictionary } from '../model/Dictionary';
import type { EventBlock } from '../model/EventLogBuilder';
import { rowHandler, type KeyColumns, type RowKit } from './csvRows';
import { tokenizerScript, type CsvTokenizer } from './csvTokenizer';
import type { OnError } from './logError';
import { timestampScript } from './timestamp';

// The worker side of the parallel CSV reader. Workers cannot load TypeScript modules here (no
// build step, and tsx does not hook into worker threads), so the worker runs a script assembled
// from the source text of the very functions the main thread uses. Everything shipped refers only
// to what it is passed or to names the script defines (`tokenizerScript`, `timestampScript`;
// Dictionary and BlockBuilder use no module-level names at all), never to imports; the
// parallelCsv tests fail when the worker cannot run.

/** What the main thread tells the worker. */
export interface WorkerPlan {
  file: string;
  fileBytes: number;
  blockBytes: number;
  blocks: number;
  names: string[];
  keys: KeyColumns;
  delimiter: number;
  onError: OnError;
  /** Expected rows per byte, to size each block's columns once. */
  rowsPerByte: number;
  /**
   * `Int32Array`: word 0 is the next block from the front (low 16 bits) and the end of the free
   * blocks (high 16 bits); word 1 + k is set once block k's message has been posted.
   */
  claims: SharedArrayBuffer;
}

/** What the worker sends back for each block, and when it stops. */
export type WorkerMessage =
  | {
      type: 'block';
      index: number;
      /** Lines in the block (each ends with a newline, except perhaps the file's last). */
      lines: number;
      skipped: number;
      /** The first bad row when bad rows are fatal, with the line counted from the block's start. */
      firstError: { line: number; message: string } | null;
      block: EventBlock;
    }
  | { type: 'quoted' }
  | { type: 'done' };

/** Claims the next free block from the front (main thread); -1 when none is left. */
export function claimFront(claims: Int32Array): number {
  for (;;) {
    const word = Atomics.load(claims, 0);
    const front = word & 0xffff;
    if (front >= word >>> 16) return -1;
    if (Atomics.compareExchange(claims, 0, word, word + 1) === word) return front;
  }
}

/** Claims the last free block (worker); -1 when none is left. */
export function claimBack(claims: Int32Array): number {
  for (;;) {
    const word = Atomics.load(claims, 0);
    const back = word >>> 16;
    if ((word & 0xffff) >= back) return -1;
    if (Atomics.compareExchange(claims, 0, word, word - 0x10000) === word) return back - 1;
  }
}

/**
 * Where block `index` starts: just after the first newline at or after its nominal start minus
 * one (so a block starting right after a newline starts there). Both threads compute it alike.
 */
export function blockStart(
  read: (buffer: Uint8Array, position: number) => number,
  index: number,
  blockBytes: number,
  fileBytes: number,
): number {
  if (index === 0) return 0;
  const window = new Uint8Array(1 << 16);
  let position = index * blockBytes - 1;
  while (position < fileBytes) {
    const count = read(window, position);
    if (count <= 0) break;
    const newline = window.subarray(0, count).indexOf(10);
    if (newline >= 0) return position + newline + 1;
    position += count;
  }
  return fileBytes;
}

/** Events of one block in input order, with block-local codes (what the row handler fills). */
export class BlockBuilder {
  readonly cases: Dictionary;
  readonly activities: Dictionary;
  private readonly attributes: Dictionary[] = [];
  private attributeCodes: Int32Array[] = [];
  private caseOf: Int32Array;
  private activity: Int32Array;
  private time: Float64Array;
  private count = 0;

  constructor(DictionaryClass: typeof Dictionary, attributeCount: number, expectedEvents: number) {
    const size = Math.max(1024, expectedEvents);
    this.cases = new DictionaryClass(4096);
    this.activities = new DictionaryClass(256);
    this.caseOf = new Int32Array(size);
    this.activity = new Int32Array(size);
    this.time = new Float64Array(size);
    for (let a = 0; a < attributeCount; a++) {
      this.attributes.push(new DictionaryClass(64));
      this.attributeCodes.push(new Int32Array(size).fill(-1));
    }
  }

  attributeDictionary(index: number): Dictionary {
    return this.attributes[index]!;
  }

  add(caseCode: number, activityCode: number, micros: number): number {
    if (this.count === this.activity.length) this.grow();
    const index = this.count++;
    this.caseOf[index] = caseCode;
    this.activity[index] = activityCode;
    this.time[index] = micros;
    return index;
  }

  setAttribute(eventIndex: number, attribute: number, code: number): void {
    this.attributeCodes[attribute]![eventIndex] = code;
  }

  toBlock(): EventBlock {
    const n = this.count;
    return {
      count: n,
      caseOf: this.caseOf.subarray(0, n),
      activity: this.activity.subarray(0, n),
      time: this.time.subarray(0, n),
      cases: this.cases.toBytes(),
      activities: this.activities.toBytes(),
      attributes: this.attributes.map((values, a) => ({
        codes: this.attributeCodes[a]!.subarray(0, n),
        values: values.toBytes(),
      })),
    };
  }

  private grow(): void {
    const size = this.activity.length * 2;
    const grown = <T extends Int32Array | Float64Array>(from: T, to: T, fill: number) => {
      to.fill(fill, from.length);
      to.set(from);
      return to;
    };
    this.caseOf = grown(this.caseOf, new Int32Array(size), 0);
    this.activity = grown(this.activity, new Int32Array(size), 0);
    this.time = grown(this.time, new Float64Array(size), 0);
    this.attributeCodes = this.attributeCodes.map((codes) => grown(codes, new Int32Array(size), -1));
  }
}

interface WorkerKit extends RowKit {
  Dictionary: typeof Dictionary;
  CsvTokenizer: typeof CsvTokenizer;
  BlockBuilder: typeof BlockBuilder;
  rowHandler: typeof rowHandler;
  claimBack: typeof claimBack;
  blockStart: typeof blockStart;
  fs: { openSync(path: string, flags: string): number; readSync: ReadSync; closeSync(fd: number): void };
}
type ReadSync = (fd: number, buffer: Uint8Array, offset: number, length: number, position: number) => number;

/** The worker's program: claims blocks from the back until it meets the main thread. */
export function csvWorkerMain(kit: WorkerKit, plan: WorkerPlan, port: MessagePort): void {
  const claims = new Int32Array(plan.claims);
  const fd = kit.fs.openSync(plan.file, 'r');
  const read = (buffer: Uint8Array, position: number) =>
    kit.fs.readSync(fd, buffer, 0, buffer.length, position);
  const stop = new Error('first bad row');
  let bytes = new Uint8Array(plan.blockBytes * 2);
  try {
    for (;;) {
      const index = kit.claimBack(claims);
      if (index < 0) break;
      const start = kit.blockStart(read, index, plan.blockBytes, plan.fileBytes);
      const end =
        index + 1 < plan.blocks
          ? kit.blockStart(read, index + 1, plan.blockBytes, plan.fileBytes)
          : plan.fileBytes;
      if (bytes.length < end - start) bytes = new Uint8Array(end - start);
      let got = 0;
      while (got < end - start) {
        const count = kit.fs.readSync(fd, bytes, got, end - start - got, start + got);
        if (count <= 0) break;
        got += count;
      }
      const data = Buffer.from(bytes.buffer, 0, got);
      // Without quotes every newline ends a record, so the block parses on its own.
      if (data.indexOf(34) >= 0) {
        port.postMessage({ type: 'quoted' } satisfies WorkerMessage);
        return;
      }
      const attributeCount = plan.names.length - 3;
      const sink = new kit.BlockBuilder(kit.Dictionary, attributeCount, Math.ceil(got * plan.rowsPerByte));
      let firstError: { line: number; message: string } | null = null;
      let skipped = 0;
      const errors = {
        bad(line: number, message: string) {
          if (plan.onError === 'skip') skipped++;
          else {
            firstError = { line, message };
            throw stop;
          }
        },
      };
      const tokenizer = new kit.CsvTokenizer(
        plan.delimiter,
        kit.rowHandler(kit, plan.names, plan.keys, sink, errors, undefined),
        (line, message) => errors.bad(line, message),
      );
      try {
        tokenizer.push(data);
        tokenizer.end();
      } catch (error) {
        if (error !== stop) throw error;
      }
      const block = sink.toBlock();
      const transfer = [block.caseOf, block.activity, block.time, block.cases.pool, block.cases.offsets]
        .concat([block.activities.pool, block.activities.offsets])
        .concat(
          block.attributes.flatMap((column) => [column.codes, column.values.pool, column.values.offsets]),
        )
        .map((array) => array.buffer as ArrayBuffer);
      const message: WorkerMessage = {
        type: 'block',
        index,
        lines: tokenizer.currentLine - 1,
        skipped,
        firstError,
        block,
      };
      port.postMessage(message, [...new Set(transfer)]);
      Atomics.store(claims, 1 + index, 1);
    }
    port.postMessage({ type: 'done' } satisfies WorkerMessage);
  } finally {
    kit.fs.closeSync(fd);
  }
}

/** The worker's script: the shipped functions' source, then a call of {@link csvWorkerMain}. */
export function csvWorkerScript(): string {
  return [
    // Some TypeScript transforms (tsx keeps names) wrap functions in a helper of this name.
    'const __name = (target) => target;',
    "const { parentPort, workerData } = require('node:worker_threads');",
    tokenizerScript(),
    timestampScript(),
    `const Dictionary = ${String(Dictionary)};`,
    `const BlockBuilder = ${String(BlockBuilder)};`,
    String(rowHandler),
    String(claimBack),
    String(blockStart),
    `(${String(csvWorkerMain)})({ Dictionary, CsvTokenizer, BlockBuilder, rowHandler, claimBack, blockStart,`,
    "  parseTimestampInto, unescapeQuotes, fs: require('node:fs') }, workerData, parentPort);",
  ].join('\n');
}
