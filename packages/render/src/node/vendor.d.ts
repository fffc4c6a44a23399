// Minimal typings for the untyped libraries this package uses (opentype.js, fontkit).
declare module 'opentype.js' {
  export interface Glyph {
    index: number;
    unicode?: number;
    advanceWidth?: number;
    getBoundingBox(): { x1: number; y1: number; x2: number; y2: number };
    /** The outline in font units, y up (as stored in the font). */
    path: { toPathData(decimals?: number): string };
  }
  export interface Path {
    moveTo(x: number, y: number): void;
    lineTo(x: number, y: number): void;
    quadraticCurveTo(x1: number, y1: number, x: number, y: number): void;
    bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void;
    closePath(): void;
  }
  export interface GlyphOptions {
    name: string;
    unicode?: number;
    advanceWidth: number;
    path: Path;
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
  const opentype: {
    parse(buffer: ArrayBuffer): Font;
    Font: new (options: FontOptions) => Font;
    Glyph: new (options: GlyphOptions) => Glyph;
    Path: new () => Path;
  };
  export default opentype;
}

declare module 'fontkit' {
  export interface PathCommand {
    command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
    args: number[];
  }
  export interface Glyph {
    id: number;
    advanceWidth: number;
    path: { commands: PathCommand[] };
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    /** Shapes `text` (joining, ligatures, kerning); widths in font units. */
    layout(text: string): { advanceWidth: number };
  }
  export function create(buffer: Buffer): Font;
}

declare module 'bidi-js' {
  interface EmbeddingLevels {
    levels: Uint8Array;
    paragraphs: { start: number; end: number; level: number }[];
  }
  interface Bidi {
    getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl'): EmbeddingLevels;
    getReorderSegments(
      text: string,
      levels: EmbeddingLevels,
      start?: number,
      end?: number,
    ): [number, number][];
  }
  export default function bidiFactory(): Bidi;
}
