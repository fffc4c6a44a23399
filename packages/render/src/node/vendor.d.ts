// Minimal typings for the untyped libraries this package uses (opentype.js).
declare module 'opentype.js' {
  export interface Glyph {
    index: number;
    unicode?: number;
    advanceWidth?: number;
  }
  export interface Font {
    numGlyphs: number;
    charToGlyph(char: string): Glyph;
    toArrayBuffer(): ArrayBuffer;
    unitsPerEm: number;
    ascender: number;
    descender: number;
    tables: { cmap: { glyphIndexMap: Record<string, number> } };
    glyphs: { get(index: number): Glyph };
  }
  export interface FontOptions {
    familyName: string;
    styleName: string;
    unitsPerEm: number;
    ascender: number;
    descender: number;
    weightClass?: number;
    createdTimestamp?: number;
    glyphs: Glyph[];
  }
  const opentype: { parse(buffer: ArrayBuffer): Font; Font: new (options: FontOptions) => Font };
  export default opentype;
}
