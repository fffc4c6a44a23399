// Minimal typing for the parts of opentype.js this package uses (the package ships none).
declare module 'opentype.js' {
  interface Glyph {
    index: number;
    unicode?: number;
    advanceWidth?: number;
  }
  interface Font {
    unitsPerEm: number;
    ascender: number;
    descender: number;
    tables: { cmap: { glyphIndexMap: Record<string, number> } };
    glyphs: { get(index: number): Glyph };
  }
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
