import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PngWriter, adler32Combine, type TileImage } from '../src/node/pngEncode';
import { readPng } from './support/goldenCases';
import { idatStream, inflatedRows } from './support/pngChunks';

/** Adler-32 the slow, obvious way (RFC 1950), to check the combined checksums against. */
function adler32(data: Uint8Array): number {
  let [a, b] = [1, 0];
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** Deterministic bytes with some runs (so deflate finds matches) and some noise. */
function pattern(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = i % 97 < 60 ? (seed * 7 + Math.floor(i / 40)) & 0xff : state >>> 24;
  }
  return out;
}

/** Writes `pixels` (RGBA, `width` wide) as bands of `bandRows`, each split into two side-by-side tiles. */
async function encode(
  pixels: Buffer,
  width: number,
  height: number,
  bandRows: number,
  sliceBytes?: number,
): Promise<Buffer> {
  const writer = new PngWriter(width, height, { sliceBytes });
  const split = Math.floor(width / 3);
  for (let top = 0; top < height; top += bandRows) {
    const rows = Math.min(bandRows, height - top);
    // tiles carry a 1-px margin that must be cut away, as rendered tiles carry their bleed
    const tile = (left: number, tileWidth: number): TileImage => {
      const stride = tileWidth + 2;
      const data = Buffer.alloc(stride * (rows + 2) * 4, 0xee);
      for (let row = 0; row < rows; row++) {
        const from = ((top + row) * width + left) * 4;
        pixels.copy(data, ((row + 1) * stride + 1) * 4, from, from + tileWidth * 4);
      }
      return { pixels: data, stride, left: 1, top: 1, width: tileWidth };
    };
    await writer.writeBand([tile(0, split), tile(split, width - split)], rows);
  }
  return writer.finish();
}

describe('adler32Combine', () => {
  it('gives the checksum of the joined bytes for any split', () => {
    const data = pattern(200_000, 3);
    for (const split of [0, 1, 5551, 5552, 65521, 100_000, 199_999, 200_000]) {
      const [head, tail] = [data.subarray(0, split), data.subarray(split)];
      expect(adler32Combine(adler32(head), adler32(tail), tail.length)).toBe(adler32(data));
    }
  });

  it('notices the order of the parts', () => {
    const [a, b] = [pattern(1000, 1), pattern(3000, 2)];
    expect(adler32Combine(adler32(b), adler32(a), a.length)).not.toBe(adler32(Buffer.concat([a, b])));
  });
});

describe('PngWriter (bands deflated separately, joined into one zlib stream)', () => {
  const [width, height] = [301, 257];
  const pixels = pattern(width * height * 4, 9);

  it('writes exactly the pixels it was given, in one valid zlib stream', async () => {
    const png = await encode(pixels, width, height, 40);
    const decoded = readPng(png);
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect(Buffer.from(decoded.data).equals(pixels)).toBe(true);
    // inflate checks the joined stream's Adler-32; each row is a filter byte (none) and the row
    const raw = inflatedRows(png);
    expect(raw.length).toBe(height * (width * 4 + 1));
    expect(raw[40 * (width * 4 + 1)]).toBe(0);
    expect(raw.subarray(1, 1 + width * 4).equals(pixels.subarray(0, width * 4))).toBe(true);
  });

  it('gives the same image for any band height and slice size, one band included', async () => {
    const rowBytes = width * 4 + 1;
    for (const [bandRows, sliceBytes] of [
      [1, undefined],
      [7, undefined],
      [height, undefined],
      [40, 3 * rowBytes], // 3-row slices: bands split unevenly
      [height, 1], // a slice per row
    ] as const) {
      const png = await encode(pixels, width, height, bandRows, sliceBytes);
      expect(Buffer.from(readPng(png).data).equals(pixels)).toBe(true);
      expect(inflatedRows(png).length).toBe(height * rowBytes);
    }
  });

  it('writes a checksum a decoder rejects once the image data is altered', async () => {
    const png = await encode(pixels, width, height, 40);
    const stream = idatStream(png);
    expect(() => inflateSync(stream)).not.toThrow();
    const tampered = Buffer.from(stream);
    tampered.writeUInt32BE((tampered.readUInt32BE(tampered.length - 4) ^ 1) >>> 0, tampered.length - 4);
    expect(() => inflateSync(tampered)).toThrow(/incorrect data check/);
  });

  it('refuses to finish an image with rows missing', async () => {
    const writer = new PngWriter(4, 4);
    await writer.writeBand([{ pixels: Buffer.alloc(4 * 4 * 2), stride: 4, left: 0, top: 0, width: 4 }], 2);
    await expect(writer.finish()).rejects.toThrow('PNG has 2 of 4 rows');
  });
});
