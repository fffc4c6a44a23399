import { renderAsync } from '@resvg/resvg-js';
import type { Font } from 'opentype.js';
import { readOpenType } from './embedFont';
import { resvgOptions } from './resvgOptions';

/**
 * Glyph positions are rounded to this fraction of a pixel on both axes: every edge stays within
 * 1/32 px of where resvg would put it. Only the offsets a poster uses are drawn (a few per glyph
 * at 2x, more at odd scales).
 */
export const SUBPIXEL_STEPS = 16;
/** Width of the images the atlas is drawn in; cells are packed in rows (shelves). */
const ATLAS_WIDTH = 1024;
/** Tallest atlas image; more cells go into further images, drawn in parallel. */
const ATLAS_MAX_HEIGHT = 1024;
/** Most glyphs per atlas image, so small glyphs at odd scales still spread over several cores. */
const ATLAS_MAX_CELLS = 1000;

/**
 * Every glyph image of an atlas, by slot: coverage 0-255 in rows of `width[slot]`, starting at
 * `offset[slot]` of `alpha`, placed at (`left`, `top`) from the glyph's whole-pixel origin.
 * (Flat arrays: the compositing loop reads them for every glyph of a poster.)
 */
export interface GlyphMasks {
  alpha: Uint8Array;
  offset: Int32Array;
  /**
   * Per mask row (the rows of slot `s` start at `rows[s]`): the columns from `inkFrom` up to
   * `inkTo` hold every non-zero coverage, so the blank margins are never visited.
   */
  rows: Int32Array;
  inkFrom: Int16Array;
  inkTo: Int16Array;
  left: Int32Array;
  top: Int32Array;
  width: Int32Array;
  height: Int32Array;
}

type Box = [number, number, number, number];

/** A glyph's advance (font units) and, when it has ink, its box and outline (font units, y up). */
export interface GlyphInfo {
  advance: number;
  box?: Box;
  /** SVG path data. */
  outline?: string;
}

interface Cell {
  /** Font units to pixels. */
  pxPerUnit: number;
  outline: string;
  fractionX: number;
  fractionY: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Which atlas image holds the cell, and where the cell's whole-pixel origin sits in it. */
  atlas: number;
  originX: number;
  originY: number;
}

/** A font file parsed for advances, glyph boxes and outlines (the same file resvg draws text with). */
export class FaceMetrics {
  private readonly font: Font;
  private readonly glyphs = new Map<number, GlyphInfo | null>();

  constructor(file: string) {
    this.font = readOpenType(file);
  }

  get unitsPerEm(): number {
    return this.font.unitsPerEm;
  }

  /** The glyph for a code point, or undefined when the font lacks it. */
  glyph(codePoint: number): GlyphInfo | undefined {
    let found = this.glyphs.get(codePoint);
    if (found === undefined) {
      const glyph = this.font.charToGlyph(String.fromCodePoint(codePoint));
      if (glyph.index === 0) {
        found = null;
      } else {
        const { x1, y1, x2, y2 } = glyph.getBoundingBox();
        const hasInk = x2 > x1 && y2 > y1;
        const ink = hasInk ? { box: [x1, y1, x2, y2] as Box, outline: glyph.path.toPathData(2) } : {};
        found = { advance: glyph.advanceWidth ?? 0, ...ink };
      }
      this.glyphs.set(codePoint, found);
    }
    return found ?? undefined;
  }
}

/**
 * The mask box (left, top, right, bottom, relative to the whole-pixel origin) of a glyph with ink
 * `box` (font units) drawn `pxPerUnit` pixels per font unit with its origin at
 * (`stepX`, `stepY`) sub-pixel steps past a whole pixel. Written into `out` when given: the text
 * layer asks for every letter of a poster and reuses one box.
 */
export function maskExtent(
  box: Box,
  pxPerUnit: number,
  stepX: number,
  stepY: number,
  out: Box = [0, 0, 0, 0],
): Box {
  const [fractionX, fractionY] = [stepX / SUBPIXEL_STEPS, stepY / SUBPIXEL_STEPS];
  // one pixel of margin on each side for anti-aliasing
  out[0] = Math.floor(box[0] * pxPerUnit + fractionX) - 1;
  out[1] = Math.floor(-box[3] * pxPerUnit + fractionY) - 1;
  out[2] = Math.ceil(box[2] * pxPerUnit + fractionX) + 1;
  out[3] = Math.ceil(-box[1] * pxPerUnit + fractionY) + 1;
  return out;
}

/** The slots of one face at one pixel size (looked up per glyph, so keyed by numbers only). */
export interface SizedSlots {
  /** The slot of a glyph (which must have ink) at sub-pixel steps (`stepX`, `stepY`). */
  slot(codePoint: number, stepX: number, stepY: number): number;
}

/**
 * A cache of glyph images for drawing many short texts into large images: each glyph is drawn
 * once per size and sub-pixel offset and then copied wherever it is used. resvg draws the cells,
 * filling each glyph's outline from the font file it would read for text (text is drawn as
 * filled outlines; a test compares the result with resvg's own text). resvg itself re-reads the
 * font and fills each outline for every letter of a poster, which made text most of a poster's
 * render time.
 */
export class GlyphAtlas {
  private readonly cells: Cell[] = [];
  private masks?: Promise<GlyphMasks>;

  /** Slots for a face drawn at `sizePx` pixels per em. */
  sized(metrics: FaceMetrics, sizePx: number): SizedSlots {
    const slots = new Map<number, number>();
    const pxPerUnit = sizePx / metrics.unitsPerEm;
    return {
      slot: (codePoint, stepX, stepY) => {
        const key = codePoint * SUBPIXEL_STEPS * SUBPIXEL_STEPS + stepX * SUBPIXEL_STEPS + stepY;
        let slot = slots.get(key);
        if (slot === undefined) {
          const glyph = metrics.glyph(codePoint)!;
          const [left, top, right, bottom] = maskExtent(glyph.box!, pxPerUnit, stepX, stepY);
          slot = this.cells.length;
          this.cells.push({
            pxPerUnit,
            outline: glyph.outline!,
            fractionX: stepX / SUBPIXEL_STEPS,
            fractionY: stepY / SUBPIXEL_STEPS,
            left,
            top,
            width: right - left,
            height: bottom - top,
            atlas: 0,
            originX: 0,
            originY: 0,
          });
          slots.set(key, slot);
        }
        return slot;
      },
    };
  }

  /** How many glyph images the atlas holds. */
  get size(): number {
    return this.cells.length;
  }

  /** Draws every slot asked for so far, once (later calls share the result). */
  draw(): Promise<GlyphMasks> {
    this.masks ??= this.drawCells();
    return this.masks;
  }

  private async drawCells(): Promise<GlyphMasks> {
    const shelves = this.pack();
    const width = this.width;
    const drawn = await Promise.all(
      shelves.map((image, index) => {
        const cells = this.cells.filter((cell) => cell.atlas === index);
        // each glyph's outline from the font file resvg would read, filled as resvg fills text
        const paths = cells.map(
          (cell) =>
            `<path transform="matrix(${cell.pxPerUnit} 0 0 ${-cell.pxPerUnit} ${cell.originX + cell.fractionX} ${cell.originY + cell.fractionY})" d="${cell.outline}"/>`,
        );
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${image.height}" viewBox="0 0 ${width} ${image.height}">${paths.join('')}</svg>`;
        return renderAsync(svg, resvgOptions([], { mode: 'width', value: width }));
      }),
    );
    // the addon copies the whole image on every read of `pixels`: once per image, not per cell
    const images = drawn.map((image) => image.pixels);
    const count = this.cells.length;
    const rowCount = this.cells.reduce((total, cell) => total + cell.height, 0);
    const masks: GlyphMasks = {
      alpha: new Uint8Array(this.cells.reduce((total, cell) => total + cell.width * cell.height, 0)),
      offset: new Int32Array(count),
      rows: new Int32Array(count),
      inkFrom: new Int16Array(rowCount),
      inkTo: new Int16Array(rowCount),
      left: new Int32Array(count),
      top: new Int32Array(count),
      width: new Int32Array(count),
      height: new Int32Array(count),
    };
    let [at, rowAt] = [0, 0];
    this.cells.forEach((cell, slot) => {
      const pixels = images[cell.atlas]!;
      masks.offset[slot] = at;
      masks.rows[slot] = rowAt;
      masks.left[slot] = cell.left;
      masks.top[slot] = cell.top;
      masks.width[slot] = cell.width;
      masks.height[slot] = cell.height;
      for (let row = 0; row < cell.height; row++) {
        const from = ((cell.originY + cell.top + row) * width + cell.originX + cell.left) * 4 + 3;
        let [inkFrom, inkTo] = [cell.width, 0];
        for (let column = 0; column < cell.width; column++) {
          const cover = pixels[from + column * 4]!;
          masks.alpha[at++] = cover;
          if (cover !== 0) [inkFrom, inkTo] = [Math.min(inkFrom, column), column + 1];
        }
        masks.inkFrom[rowAt] = inkFrom;
        masks.inkTo[rowAt++] = inkTo;
      }
    });
    return masks;
  }

  /** Atlas image width: wide enough for the widest cell (huge text at a high scale). */
  private get width(): number {
    return this.cells.reduce((widest, cell) => Math.max(widest, cell.width), ATLAS_WIDTH);
  }

  /** Places the cells on shelves in atlas images; returns each image's height. */
  private pack(): { height: number; cells: number }[] {
    const images: { height: number; cells: number }[] = [];
    let [x, shelfTop, shelfHeight] = [0, 0, 0];
    const width = this.width;
    const byHeight = [...this.cells].sort((a, b) => b.height - a.height || a.width - b.width);
    for (const cell of byHeight) {
      if (x + cell.width > width) [x, shelfTop, shelfHeight] = [0, shelfTop + shelfHeight, 0];
      const isFull =
        (shelfTop + cell.height > ATLAS_MAX_HEIGHT && (shelfTop > 0 || x > 0)) ||
        (images[images.length - 1]?.cells ?? 0) >= ATLAS_MAX_CELLS;
      if (images.length === 0 || isFull) {
        images.push({ height: 0, cells: 0 });
        [x, shelfTop, shelfHeight] = [0, 0, 0];
      }
      images[images.length - 1]!.cells++;
      cell.atlas = images.length - 1;
      cell.originX = x - cell.left;
      cell.originY = shelfTop - cell.top;
      x += cell.width;
      shelfHeight = Math.max(shelfHeight, cell.height);
      images[images.length - 1]!.height = Math.max(images[images.length - 1]!.height, shelfTop + shelfHeight);
    }
    return images;
  }
}
