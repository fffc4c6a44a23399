import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import opentype, { type Glyph } from 'opentype.js';
import { withFixedTimestamps, type Face } from './embedFont';
import { CJK_FONT_FAMILY, CJK_FONT_FILES } from './fontFiles';

const parsed = new Map<Face, Font>();

// fontkit reads the 8 MB font in about a tenth of a second (opentype.js takes seconds).
function cjkFont(face: Face): Font {
  let font = parsed.get(face);
  if (!font) {
    font = create(readFileSync(CJK_FONT_FILES[face]));
    parsed.set(face, font);
  }
  return font;
}

/** Ideographs, kana, CJK punctuation and full-width forms: where the CJK fallback can help. */
const CJK_RANGE =
  /[\u2E80-\u2FFF\u3000-\u30FF\u3100-\u31FF\u3200-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;

/** Whether the CJK fallback has a glyph for `char` (one code point). */
export function cjkCovers(char: string): boolean {
  return CJK_RANGE.test(char) && cjkFont('regular').hasGlyphForCodePoint(char.codePointAt(0)!);
}

/**
 * The fallback's glyph for `codePoint` as an opentype.js glyph in a font of `unitsPerEm` (scaled:
 * DejaVu has 2,048 units per em, the fallback 1,000), or undefined when the fallback lacks it.
 */
export function cjkGlyph(face: Face, codePoint: number, unitsPerEm: number): Glyph | undefined {
  const source = cjkFont(face);
  if (!CJK_RANGE.test(String.fromCodePoint(codePoint)) || !source.hasGlyphForCodePoint(codePoint)) {
    return undefined;
  }
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
  const source = cjkFont(face);
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
