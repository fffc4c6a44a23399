import { inflateSync } from 'node:zlib';

/** The zlib stream inside a PNG's IDAT chunks. */
export function idatStream(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return Buffer.concat(parts);
}

/**
 * The PNG's filtered rows, inflated strictly: zlib checks the stream's Adler-32, which pngjs
 * does not, so a wrong checksum fails here even when `readPng` decodes the image.
 */
export const inflatedRows = (png: Buffer): Buffer => inflateSync(idatStream(png));
