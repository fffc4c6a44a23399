import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { logError } from './logError';

export type LogFormat = 'csv' | 'jsonl' | 'xes' | 'parquet';

/** Progress of a read: bytes of the file consumed (compressed when gzipped) of the total. */
export type ProgressListener = (progress: { bytesRead: number; totalBytes: number; events: number }) => void;

/** Guesses the format from the name (ignoring `.gz`), else from the first bytes. */
export async function detectFormat(file: string): Promise<LogFormat> {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.xes') || name.endsWith('.xml')) return 'xes';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.parquet')) return 'parquet';
  if (name.endsWith('.csv') || name.endsWith('.tsv') || name.endsWith('.txt')) return 'csv';
  const head = await readHead(file);
  const text = (head[0] === 0x1f && head[1] === 0x8b ? '' : head.toString('utf8')).trimStart();
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  if (text.startsWith('<')) return 'xes';
  if (text.startsWith('{')) return 'jsonl';
  return 'csv';
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64);
    const { bytesRead } = await handle.read(buffer, 0, 64, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw logError(file, 0, 'cannot read the file', error);
  } finally {
    await handle.close();
  }
}

/**
 * Streams the (decompressed) bytes of a file in large chunks, reporting progress on the raw
 * bytes. A damaged gzip stream becomes `LOG: corrupt gzip data`.
 */
export async function* readChunks(
  file: string,
  onBytes?: (bytesRead: number, totalBytes: number) => void,
  options: { reuseBuffer?: boolean } = {},
): AsyncGenerator<Buffer> {
  let totalBytes: number;
  try {
    totalBytes = (await stat(file)).size;
  } catch (error) {
    throw logError(file, 0, 'file not found or not readable', error);
  }
  const head = await readHead(file);
  const isGzip = head[0] === 0x1f && head[1] === 0x8b;
  if (!isGzip && options.reuseBuffer) {
    yield* readIntoOneBuffer(file, totalBytes, onBytes);
    return;
  }
  const raw = createReadStream(file, { highWaterMark: 4 << 20 });
  let bytesRead = 0;
  raw.on('data', (chunk) => {
    bytesRead += chunk.length;
    onBytes?.(bytesRead, totalBytes);
  });
  if (!isGzip) {
    for await (const chunk of raw) yield chunk as Buffer;
    return;
  }
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  raw.on('error', (error) => gunzip.destroy(error));
  raw.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    throw logError(file, 0, `corrupt gzip data (${(error as Error).message})`, error);
  } finally {
    raw.destroy();
  }
}

/**
 * Reads a plain file through one reused buffer; each chunk is valid only until the next one is
 * requested. Touching fresh memory is what costs most when reading large logs (every new stream
 * chunk is new pages), so consumers that copy what they keep ask for this.
 */
async function* readIntoOneBuffer(
  file: string,
  totalBytes: number,
  onBytes?: (bytesRead: number, totalBytes: number) => void,
): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(Math.min(1 << 20, Math.max(totalBytes, 1)));
    let bytesRead = 0;
    for (;;) {
      const { bytesRead: count } = await handle.read(buffer, 0, buffer.length, null);
      if (count === 0) return;
      bytesRead += count;
      onBytes?.(bytesRead, totalBytes);
      yield buffer.subarray(0, count);
    }
  } finally {
    await handle.close();
  }
}
