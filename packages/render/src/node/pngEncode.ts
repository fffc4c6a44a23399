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

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, tail]);
}

/**
 * Streams an RGBA image into a PNG band by band (rows top to bottom), so a poster can be
 * compressed while later bands are still being rasterised. Rows are stored unfiltered: posters
 * are mostly flat colour, which deflate packs well without filters, and filtering in JS would
 * cost more than it saves.
 */
export class PngWriter {
  private readonly parts: Buffer[] = [];
  private readonly deflate = createDeflate({ level: 3, memLevel: 9, strategy: constants.Z_DEFAULT_STRATEGY });
  private readonly compressed: Promise<Buffer>;
  private rowsWritten = 0;
  /** Band buffers deflate has finished with; reused so each band does not fault in fresh memory. */
  private readonly spare: Buffer[] = [];
  private readonly bandsInUse = new Set<Promise<void>>();

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, adaptive filtering, no interlace
    this.parts.push(SIGNATURE, chunk('IHDR', header));
    const out: Buffer[] = [];
    this.deflate.on('data', (data: Buffer) => out.push(data));
    this.compressed = new Promise((resolve, reject) => {
      this.deflate.on('end', () => resolve(Buffer.concat(out)));
      this.deflate.on('error', reject);
    });
  }

  /**
   * Appends `rows` full-width rows, assembled from side-by-side tiles (left to right) whose
   * visible part is `width` pixels starting at (`left`, `top`) of RGBA pixels `stride` wide.
   */
  async writeBand(tiles: TileImage[], rows: number): Promise<void> {
    const stride = this.width * 4 + 1;
    const band = await this.bandBuffer(stride * rows);
    for (let row = 0; row < rows; row++) {
      let at = row * stride;
      band[at++] = 0; // filter: none
      for (const tile of tiles) {
        const start = ((tile.top + row) * tile.stride + tile.left) * 4;
        tile.pixels.copy(band, at, start, start + tile.width * 4);
        at += tile.width * 4;
      }
    }
    this.rowsWritten += rows;
    const consumed = new Promise<void>((resolve, reject) =>
      this.deflate.write(band, (error) => (error ? reject(error) : resolve())),
    ).then(() => {
      this.spare.push(band.buffer.byteLength === band.byteLength ? band : Buffer.from(band.buffer));
      this.bandsInUse.delete(consumed);
    });
    this.bandsInUse.add(consumed);
  }

  /** A buffer of `size` bytes, reusing one deflate has consumed; at most two bands are in flight. */
  private async bandBuffer(size: number): Promise<Buffer> {
    while (this.spare.length === 0 && this.bandsInUse.size >= 2) await Promise.race(this.bandsInUse);
    const reused = this.spare.pop();
    return reused && reused.byteLength >= size ? reused.subarray(0, size) : Buffer.allocUnsafeSlow(size);
  }

  async finish(): Promise<Buffer> {
    if (this.rowsWritten !== this.height) {
      throw new Error(`PNG has ${this.rowsWritten} of ${this.height} rows`);
    }
    this.deflate.end();
    const data = await this.compressed;
    return Buffer.concat([...this.parts, chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
  }
}
