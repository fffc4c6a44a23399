import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import opentype, { type Glyph } from 'opentype.js';
import { withFixedTimestamps, type Face } from './embedFont';
import { CJK_FONT_FAMILY, CJK_FONT_FILES, KOREAN_FONT_FILES } from './fontFiles';
import { heldWhileInUse } from './heldWhileInUse';

/** A font file parsed by fontkit. It reads an 8 MB font in about a tenth of a second (opentype.js takes seconds). */
export const fontkitFont = heldWhileInUse((file: string): Font => create(readFileSync(file)));

/** The fallback fonts in the order they are asked: Chinese/Japanese first, then Korean. */
const sources = (face: Face) => [fontkitFont(CJK_FONT_FILES[face]), fontkitFont(KOREAN_FONT_FILES[face])];

/**
 * Ideographs, kana, Hangul (jamo and syllables), CJK punctuation and full-width forms: where the
 * fallbacks can help.
 */
const CJK_RANGE =
  /[\u1100-\u11FF\u2E80-\u2FFF\u3000-\u30FF\u3100-\u31FF\u3200-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;

/** The first fallback font with a glyph for `codePoint`, if any covers it. */
function sourceFor(face: Face, codePoint: number): Font | undefined {
  if (!CJK_RANGE.test(String.fromCodePoint(codePoint))) return undefined;
  return sources(face).find((font) => font.hasGlyphForCodePoint(codePoint));
}

/** Whether a fallback has a glyph for `char` (one code point). */
export function cjkCovers(char: string): boolean {
  return sourceFor('regular', char.codePointAt(0)!) !== undefined;
}

/**
 * A fallback's glyph for `codePoint` as an opentype.js glyph in a font of `unitsPerEm` (scaled:
 * DejaVu has 2,048 units per em, the fallbacks 1,000), or undefined when no fallback has it.
 */
export function cjkGlyph(face: Face, codePoint: number, unitsPerEm: number): Glyph | undefined {
  const source = sourceFor(face, codePoint);
  if (!source) return undefined;
  const glyph = source.glyphForCodePoint(codePoint);
  const scale = unitsPerEm / source.unitsPerEm;
  const path = new opentype.Path();
  for (const { command, args } of glyph.path.commands) {
    if (command === 'closePath') path.closePath();
    else (path[command] as (...values: number[]) => void)(...args.map((value) => value * scale));
  }
  return new opentype.Glyph({
    name: `u${codePoint.toString(16)}`,
    unicode: codePoint,
    advanceWidth: Math.round(glyph.advanceWidth * scale),
    path,
  });
}

/**
 * An OpenType (CFF) font with only the fallback's glyphs for `characters` (in code point order,
 * timestamps zeroed: the same characters always give the same bytes). Used beside the full
 * bundled font, which cannot take extra glyphs without losing its shaping tables.
 */
export function subsetCjkFont(face: Face, characters: string[]): Buffer {
  const source = sources(face)[0]!;
  const notdef = new opentype.Glyph({
    name: '.notdef',
    advanceWidth: source.unitsPerEm,
    path: new opentype.Path(),
  });
  const glyphs = [...new Set(characters)]
    .map((char) => char.codePointAt(0)!)
    .sort((a, b) => a - b)
    .flatMap((codePoint) => cjkGlyph(face, codePoint, source.unitsPerEm) ?? []);
  const font = new opentype.Font({
    familyName: CJK_FONT_FAMILY,
    styleName: face === 'bold' ? 'Bold' : 'Regular',
    unitsPerEm: source.unitsPerEm,
    ascender: source.ascent,
    descender: source.descent,
    weightClass: face === 'bold' ? 700 : 400,
    glyphs: [notdef, ...glyphs],
  });
  return withFixedTimestamps(Buffer.from(font.toArrayBuffer()));
}
