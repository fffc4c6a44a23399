import { readSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EventLogBuilder } from '../model/EventLogBuilder';
import { blockStart, claimFront, csvWorkerScript, type WorkerMessage, type WorkerPlan } from './csvWorker';
import { logError, withLine } from './logError';
import { CsvReader, type StreamReadOptions } from './readCsv';

/** When and how to read a CSV file with a second thread. */
export interface ParallelCsvOptions {
  /** Smaller files are read on one thread (starting a worker costs ~60 ms). Default 8 MiB. */
  minBytes?: number;
  /** Bytes per block claimed by either thread. Default 1 MiB. */
  blockBytes?: number;
  /** Progress in bytes of the file (the main thread's reads; all of it at the end). */
  onBytes?: (bytesRead: number, totalBytes: number) => void;
  /** Let the worker finish this many blocks (from the end) before the main thread goes on (tests). */
  waitForWorker?: number;
}

export interface ParallelCsvResult {
  builder: EventLogBuilder;
  skipped: number;
  /** Blocks whose events came from the worker (0 when it had nothing to do or gave up). */
  workerBlocks: number;
}

const MAX_BLOCKS = 0x7fff;
let script: string | null = null;

/**
 * Reads an uncompressed CSV file on two threads (opt-in: `readLog(file, { parallel: true })`);
 * null when that does not apply (small or gzipped file, one CPU). The file is cut into blocks at
 * newlines; the main thread parses blocks from the front with the usual reader while a worker
 * parses blocks from the back, each claiming the next block atomically, until they meet. The
 * worker's events are then appended in file order, so codes, positions and line numbers are what
 * one thread would give.
 *
 * A cut inside a quoted field would be wrong, so the worker gives up on any block containing a
 * quote, and its blocks are used only when the main thread's part ends exactly at the cut (no
 * unfinished record); otherwise the main thread reads on through the rest.
 */
export async function readCsvParallel(
  file: string,
  options: StreamReadOptions,
  parallel: ParallelCsvOptions = {},
): Promise<ParallelCsvResult | null> {
  if (availableParallelism() < 2) return null;
  let fileBytes: number;
  try {
    fileBytes = (await stat(file)).size;
  } catch {
    return null;
  }
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  let worker: Worker | null = null;
  const reader = new CsvReader(file, options, () => fileBytes);
  try {
    const head = new Uint8Array(2);
    await handle.read(head, 0, 2, 0);
    const isGzip = head[0] === 0x1f && head[1] === 0x8b;
    if (isGzip || fileBytes < (parallel.minBytes ?? 8 << 20)) return null;
    const blockBytes = Math.max(parallel.blockBytes ?? 1 << 20, Math.ceil(fileBytes / MAX_BLOCKS));
    const blocks = Math.ceil(fileBytes / blockBytes);
    if (blocks < 2) return null;
    const claims = new Int32Array(new SharedArrayBuffer(4 * (1 + blocks)));
    claims[0] = blocks << 16;
    const buffer = Buffer.allocUnsafe(blockBytes);
    const readAt = async (position: number, length: number) => {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(length, buffer.length), position);
      parallel.onBytes?.(position + bytesRead, fileBytes);
      return buffer.subarray(0, bytesRead);
    };
    const pushRange = async (from: number, to: number) => {
      for (let at = from; at < to; at += blockBytes)
        reader.push(await readAt(at, Math.min(blockBytes, to - at)));
    };
    const cutAt = (index: number) =>
      index >= blocks
        ? fileBytes
        : blockStart(
            (window, position) => readSync(handle.fd, window, 0, window.length, position),
            index,
            blockBytes,
            fileBytes,
          );
    const received = new Map<number, Extract<WorkerMessage, { type: 'block' }>>();
    let onReceived = () => {};
    for (;;) {
      const index = claimFront(claims);
      if (index < 0) break;
      reader.push(await readAt(index * blockBytes, blockBytes));
      // The worker starts once the header is known: it needs the columns.
      if (index === 0 && reader.header) {
        worker = startWorker(file, fileBytes, blockBytes, blocks, reader, options, claims);
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'block') received.set(message.index, message);
          onReceived();
        });
        worker.on('error', () => {});
        const waitFor = Math.min(parallel.waitForWorker ?? 0, blocks - 1);
        if (waitFor > 0) await waitUntil(() => Atomics.load(claims, 1 + blocks - waitFor) === 1, worker);
      }
    }
    // Where the threads met. A block the worker has claimed but not finished is read here rather
    // than waited for (on a busy machine the worker may be far behind); the worker's finished
    // blocks follow contiguously up to the end.
    let meeting = Atomics.load(claims, 0) & 0xffff;
    let position = meeting * blockBytes;
    while (meeting < blocks && Atomics.load(claims, 1 + meeting) === 0) meeting++;
    const cut = cutAt(meeting);
    await pushRange(position, cut);
    position = cut;
    if (meeting === blocks || reader.tokenizer?.hasPartialRecord || !reader.builder) {
      // The worker's blocks start inside a record (a quoted field with newlines): read on here.
      await pushRange(position, fileBytes);
      return { ...reader.finish(), workerBlocks: 0 };
    }
    await new Promise<void>((resolve) => {
      onReceived = () => {
        for (let index = meeting; index < blocks; index++) if (!received.has(index)) return;
        resolve();
      };
      onReceived();
    });
    let line = reader.line;
    for (let index = meeting; index < blocks; index++) {
      const result = received.get(index)!;
      if (result.firstError)
        throw logError(file, line + result.firstError.line - 1, result.firstError.message);
      reader.builder.appendBlock(result.block);
      reader.errors.skipped += result.skipped;
      line += result.lines;
    }
    parallel.onBytes?.(fileBytes, fileBytes);
    return { ...reader.finish(), workerBlocks: blocks - meeting };
  } catch (error) {
    throw withLine(error, file, reader.line);
  } finally {
    await worker?.terminate();
    await handle.close();
  }
}

function startWorker(
  file: string,
  fileBytes: number,
  blockBytes: number,
  blocks: number,
  reader: CsvReader,
  options: StreamReadOptions,
  claims: Int32Array,
): Worker {
  const header = reader.header!;
  const rowsPerByte = reader.builder ? reader.builder.expectedEvents / Math.max(1, fileBytes) : 0;
  const plan: WorkerPlan = {
    file,
    fileBytes,
    blockBytes,
    blocks,
    names: header.names,
    keys: header.keys,
    delimiter: header.delimiter,
    onError: options.onError ?? 'fail',
    rowsPerByte,
    claims: claims.buffer as SharedArrayBuffer,
  };
  script ??= csvWorkerScript();
  const worker = new Worker(script, { eval: true, workerData: plan });
  worker.unref();
  return worker;
}

/** Resolves once `condition` holds or the worker stops (polling: the condition is shared memory). */
function waitUntil(condition: () => boolean, worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    const poll = () => (condition() ? resolve() : setTimeout(poll, 1));
    poll();
  });
}
