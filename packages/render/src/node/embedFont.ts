import { readFileSync } from 'node:fs';
import opentype, { type Font } from 'opentype.js';
import { cjkGlyph } from './fallbackFont';
import { FONT_FAMILY, FONT_FILES } from './fontFiles';
import { heldWhileInUse } from './heldWhileInUse';

export type Face = 'regular' | 'bold';

/** An OpenType/TrueType file parsed by opentype.js. */
export function readOpenType(file: string): Font {
  const bytes = readFileSync(file);
  return opentype.parse(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
}

const fontOf = heldWhileInUse((face: Face): Font => readOpenType(FONT_FILES[face]));

const sumWords = (bytes: Buffer, start: number, length: number) => {
  let sum = 0;
  for (let at = start; at < start + length; at += 4) {
    const word =
      at + 4 <= bytes.length
        ? bytes.readUInt32BE(at)
        : Buffer.concat([bytes.subarray(at), Buffer.alloc(4)]).readUInt32BE(0);
    sum = (sum + word) >>> 0;
  }
  return sum;
};

/**
 * opentype.js stamps the `head` table with the current time; zero both dates and fix the
 * checksums so the same characters always give byte-identical fonts.
 */
export function withFixedTimestamps(font: Buffer): Buffer {
  const tableCount = font.readUInt16BE(4);
  for (let record = 12; record < 12 + tableCount * 16; record += 16) {
    if (font.toString('latin1', record, record + 4) !== 'head') continue;
    const [offset, length] = [font.readUInt32BE(record + 8), font.readUInt32BE(record + 12)];
    font.writeUInt32BE(0, offset + 8); // checkSumAdjustment, recomputed below
    font.fill(0, offset + 20, offset + 36); // created, modified
    font.writeUInt32BE(sumWords(font, offset, length), record + 4);
    font.writeUInt32BE((0xb1b0afba - sumWords(font, 0, font.length)) >>> 0, offset + 8);
  }
  return font;
}

/**
 * An OpenType (CFF) font holding only the glyphs of `characters`, in code point order so output
 * is stable. CJK characters DejaVu lacks are copied in from the CJK fallback font, so one face
 * draws the whole text (resvg's own fallback ignores weight: bold CJK would come out regular).
 */
export function subsetFont(face: Face, characters: Iterable<string>): Buffer {
  const font = fontOf(face);
  const glyphs = [font.glyphs.get(0)];
  const seen = new Set([0]);
  for (const char of [...new Set(characters)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)) {
    const glyph = font.charToGlyph(char);
    if (glyph.index === 0) {
      const borrowed = cjkGlyph(face, char.codePointAt(0)!, font.unitsPerEm);
      if (borrowed) glyphs.push(borrowed);
      continue;
    }
    if (seen.has(glyph.index)) continue;
    seen.add(glyph.index);
    glyphs.push(glyph);
  }
  const font2 = new opentype.Font({
    familyName: FONT_FAMILY,
    styleName: face === 'bold' ? 'Bold' : 'Book',
    unitsPerEm: font.unitsPerEm,
    ascender: font.ascender,
    descender: font.descender,
    weightClass: face === 'bold' ? 700 : 400,
    glyphs,
  });
  return withFixedTimestamps(Buffer.from(font2.toArrayBuffer()));
}
