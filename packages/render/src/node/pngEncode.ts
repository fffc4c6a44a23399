import { constants, createDeflate, crc32 } from 'node:zlib';

/** Part of a rendered tile that goes into the image. */
export interface TileImage {
  pixels: Buffer;
  /** Row length of `pixels`, in pixels. */
  stride: number;
  left: number;
  top: number;
  width: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** What a sync flush leaves at the end of a deflate stream: an empty stored block. */
const SYNC_MARKER = Buffer.from([0x00, 0x00, 0xff, 0xff]);
/** An empty final block (fixed Huffman codes, end-of-block only): closes the joined stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
const ADLER_BASE = 65521;
/** zlib output per threadpool round trip; large, so a slice compresses in one or two trips, not hundreds. */
const DEFLATE_CHUNK = 1 << 20;
/**
 * Rows are compressed in slices of about this many bytes, a few at once: enough work to keep the
 * cores busy next to resvg, while only a few slices of the raw image are held in memory.
 */
const SLICE_BYTES = 16 << 20;
const SLICES_IN_FLIGHT = 3;

/** A PNG chunk from its data in parts, so a large IDAT is not first joined into a buffer of its own. */
function chunk(type: string, parts: Buffer[]): Buffer[] {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(
    parts.reduce((total, part) => total + part.length, 0),
    0,
  );
  head.write(type, 4, 'latin1');
  let crc = crc32(head.subarray(4));
  for (const part of parts) crc = crc32(part, crc);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc >>> 0, 0);
  return [head, ...parts, tail];
}

/**
 * The Adler-32 of two byte runs back to back, from the checksum of each and the length of the
 * second (zlib's adler32_combine).
 */
export function adler32Combine(first: number, second: number, secondLength: number): number {
  const rem = secondLength % ADLER_BASE;
  let sum1 = first & 0xffff;
  let sum2 = (rem * sum1) % ADLER_BASE;
  sum1 += (second & 0xffff) + ADLER_BASE - 1;
  sum2 += (first >>> 16) + (second >>> 16) + ADLER_BASE - rem;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum2 >= ADLER_BASE * 2) sum2 -= ADLER_BASE * 2;
  if (sum2 >= ADLER_BASE) sum2 -= ADLER_BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

/** A slice of rows compressed on its own: zlib header, deflate blocks (byte-aligned, not final), Adler-32. */
interface CompressedSlice {
  header: Buffer;
  blocks: Buffer;
  adler: number;
  length: number;
}

/**
 * Compresses `data` as a zlib stream ending in a sync flush, so the blocks can be joined to
 * other slices' blocks; finishing the stream afterwards only adds an empty final block and the
 * Adler-32 of `data`, which is kept for the joined stream's checksum.
 */
function deflateSlice(data: Buffer, level: number): Promise<CompressedSlice> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflate({ level, memLevel: 9, chunkSize: DEFLATE_CHUNK });
    const out: Buffer[] = [];
    let flushed = -1;
    deflate.on('data', (part: Buffer) => out.push(part));
    deflate.on('error', reject);
    deflate.on('end', () => {
      const stream = Buffer.concat(out);
      const blocks = stream.subarray(2, flushed);
      if (flushed < 6 || !blocks.subarray(-4).equals(SYNC_MARKER)) {
        reject(new Error('deflate did not end the slice with a sync flush'));
        return;
      }
      resolve({
        header: stream.subarray(0, 2),
        blocks,
        adler: stream.readUInt32BE(stream.length - 4),
        length: data.length,
      });
    });
    deflate.write(data);
    deflate.flush(constants.Z_SYNC_FLUSH, () => {
      flushed = out.reduce((total, part) => total + part.length, 0);
      deflate.end();
    });
  });
}

/**
 * Streams an RGBA image into a PNG band by band (rows top to bottom). Rows are deflated in
 * slices, each on its own in the threadpool (like pigz), several at once, and the blocks are
 * joined into one zlib stream whose checksum is combined from the slices'. Rows are stored
 * unfiltered: posters are mostly flat colour, which deflate packs well without filters, and
 * filtering in JS would cost more than it saves.
 */
export class PngWriter {
  private readonly head: Buffer[] = [];
  private readonly slices: Promise<CompressedSlice>[] = [];
  private rowsWritten = 0;
  /** Slice buffers whose compression has finished; reused so each slice does not fault in fresh memory. */
  private readonly spare: Buffer[] = [];
  private readonly slicesInUse = new Set<Promise<void>>();

  private readonly level: number;
  private readonly sliceBytes: number;

  constructor(
    readonly width: number,
    readonly height: number,
    options: { level?: number; sliceBytes?: number } = {},
  ) {
    this.level = options.level ?? 3;
    this.sliceBytes = options.sliceBytes ?? SLICE_BYTES;
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, adaptive filtering, no interlace
    this.head.push(SIGNATURE, ...chunk('IHDR', [header]));
  }

  /**
   * Appends `rows` full-width rows, assembled from side-by-side tiles (left to right) whose
   * visible part is `width` pixels starting at (`left`, `top`) of RGBA pixels `stride` wide.
   * Resolves once the rows are copied (the tiles may be reused); compression goes on behind.
   */
  async writeBand(tiles: TileImage[], rows: number): Promise<void> {
    const stride = this.width * 4 + 1;
    const sliceRows = Math.max(1, Math.floor(this.sliceBytes / stride));
    for (let first = 0; first < rows; first += sliceRows) {
      const slice = await this.sliceBuffer(stride * Math.min(sliceRows, rows - first));
      for (let row = first; row < Math.min(rows, first + sliceRows); row++) {
        let at = (row - first) * stride;
        slice[at++] = 0; // filter: none
        for (const tile of tiles) {
          const start = ((tile.top + row) * tile.stride + tile.left) * 4;
          tile.pixels.copy(slice, at, start, start + tile.width * 4);
          at += tile.width * 4;
        }
      }
      this.compress(slice);
    }
    this.rowsWritten += rows;
  }

  private compress(slice: Buffer): void {
    const compressed = deflateSlice(slice, this.level);
    compressed.catch(() => {}); // awaited in finish(); this only keeps a failure from being "unhandled"
    this.slices.push(compressed);
    const released: Promise<void> = compressed.then(
      () => this.release(slice, released),
      () => this.release(slice, released),
    );
    this.slicesInUse.add(released);
  }

  private release(slice: Buffer, inUse: Promise<void>): void {
    this.spare.push(slice.buffer.byteLength === slice.byteLength ? slice : Buffer.from(slice.buffer));
    this.slicesInUse.delete(inUse);
  }

  /** A buffer of `size` bytes, reusing one already compressed; a few slices are in flight at most. */
  private async sliceBuffer(size: number): Promise<Buffer> {
    while (this.spare.length === 0 && this.slicesInUse.size >= SLICES_IN_FLIGHT) {
      await Promise.race(this.slicesInUse);
    }
    const reused = this.spare.pop();
    return reused && reused.byteLength >= size ? reused.subarray(0, size) : Buffer.allocUnsafeSlow(size);
  }

  async finish(): Promise<Buffer> {
    if (this.rowsWritten !== this.height) {
      throw new Error(`PNG has ${this.rowsWritten} of ${this.height} rows`);
    }
    const slices = await Promise.all(this.slices);
    let adler = slices[0]!.adler;
    for (const slice of slices.slice(1)) adler = adler32Combine(adler, slice.adler, slice.length);
    const trailer = Buffer.alloc(4);
    trailer.writeUInt32BE(adler, 0);
    const data = [slices[0]!.header, ...slices.map((slice) => slice.blocks), FINAL_BLOCK, trailer];
    return Buffer.concat([...this.head, ...chunk('IDAT', data), ...chunk('IEND', [])]);
  }
}
