import { boundsOf } from '../layout/cull';
import type { Layout, LayoutNode, TextNode } from '../layout/types';
import type { Theme } from '../theme/themes';
import { FaceMetrics, GlyphAtlas, SUBPIXEL_STEPS, maskExtent, type SizedSlots } from './glyphAtlas';
import type { GlyphRun, PlacedText } from './drawGlyphs';

/**
 * The text of a poster drawn from the glyph cache rather than by resvg: which nodes (left out of
 * the SVG), the atlas of their glyph images, and where each glyph goes in the whole image.
 */
export interface TextLayer {
  nodes: ReadonlySet<LayoutNode>;
  atlas: GlyphAtlas;
  glyphs: PlacedText;
}

/** Characters whose drawing depends on neighbours or on the shaper: left to resvg. */
const NEEDS_SHAPER = /[\p{M}\p{C}\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
/** resvg collapses runs of white space and trims lines (xml:space default); such lines are left to it. */
const COLLAPSIBLE_SPACE = /^\s|\s$|\s\s|[^\S ]/u;

const faceOf = (node: TextNode) => (node.weight === 'bold' ? 'bold' : 'regular');

function rgbOf(color: string | undefined): [number, number, number] | undefined {
  const hex = color?.match(/^#([0-9a-f]{6})$/i)?.[1];
  if (!hex) return undefined;
  return [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
}

function isCacheable(node: TextNode, theme: Theme, faces: Record<'regular' | 'bold', FaceMetrics>): boolean {
  if (node.isRightToLeft || !rgbOf(theme.paints[node.style].fill)) return false;
  const face = faces[faceOf(node)];
  return node.lines.every((line) => {
    if (NEEDS_SHAPER.test(line) || COLLAPSIBLE_SPACE.test(line)) return false;
    for (const char of line) if (!face.glyph(char.codePointAt(0)!)) return false;
    return true;
  });
}

type Box = [number, number, number, number];

/** Boxes (image pixels), bucketed on a coarse grid so overlap queries stay cheap. */
class BoxGrid {
  private readonly cells = new Map<number, Box[]>();
  private static readonly SIZE = 512;

  private keys([x1, y1, x2, y2]: Box): number[] {
    const size = BoxGrid.SIZE;
    const keys: number[] = [];
    for (let column = Math.floor(x1 / size); column <= Math.floor(x2 / size); column++) {
      for (let row = Math.floor(y1 / size); row <= Math.floor(y2 / size); row++) {
        keys.push(row * 1_000_003 + column);
      }
    }
    return keys;
  }

  add(box: Box): void {
    for (const key of this.keys(box)) {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
  }

  overlaps([x1, y1, x2, y2]: Box): boolean {
    for (const key of this.keys([x1, y1, x2, y2])) {
      for (const box of this.cells.get(key) ?? []) {
        if (box[0] < x2 && box[2] > x1 && box[1] < y2 && box[3] > y1) return true;
      }
    }
    return false;
  }
}

/** Glyphs placed so far: code point, whole-pixel origin and sub-pixel steps, in growable flat arrays. */
class PlacedGlyphs {
  length = 0;
  codePoints = new Int32Array(1024);
  xs = new Int32Array(1024);
  ys = new Int32Array(1024);
  /** stepX × SUBPIXEL_STEPS + stepY */
  steps = new Int32Array(1024);

  push(codePoint: number, x: number, y: number, step: number): void {
    if (this.length === this.xs.length) {
      const grow = (array: Int32Array) => {
        const larger = new Int32Array(array.length * 2);
        larger.set(array);
        return larger;
      };
      [this.codePoints, this.xs, this.ys, this.steps] = [
        grow(this.codePoints),
        grow(this.xs),
        grow(this.ys),
        grow(this.steps),
      ];
    }
    const at = this.length++;
    [this.codePoints[at], this.xs[at], this.ys[at], this.steps[at]] = [codePoint, x, y, step];
  }
}

/**
 * Places a text node's inked glyphs as resvg places them (advances from the subset, which has no
 * kerning; no hinting) and returns their ink box in image pixels, anti-aliasing margin included.
 */
function placeGlyphs(node: TextNode, metrics: FaceMetrics, scale: number, placed: PlacedGlyphs): Box {
  const unit = node.size / metrics.unitsPerEm;
  const pxPerUnit = unit * scale;
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const extent: Box = [0, 0, 0, 0];
  node.lines.forEach((line, lineIndex) => {
    let start = node.x;
    if (node.anchor !== 'start') {
      let width = 0;
      for (const char of line) width += metrics.glyph(char.codePointAt(0)!)!.advance;
      start -= (node.anchor === 'middle' ? width / 2 : width) * unit;
    }
    const baseline = Math.round((node.y + lineIndex * node.lineHeight) * scale * SUBPIXEL_STEPS);
    const [y, stepY] = [Math.floor(baseline / SUBPIXEL_STEPS), baseline & (SUBPIXEL_STEPS - 1)];
    let advanced = 0;
    for (const char of line) {
      const codePoint = char.codePointAt(0)!;
      const { advance, box: ink } = metrics.glyph(codePoint)!;
      const origin = Math.round((start + advanced * unit) * scale * SUBPIXEL_STEPS);
      advanced += advance;
      if (!ink) continue;
      const [x, stepX] = [Math.floor(origin / SUBPIXEL_STEPS), origin & (SUBPIXEL_STEPS - 1)];
      placed.push(codePoint, x, y, stepX * SUBPIXEL_STEPS + stepY);
      const [left, top, right, bottom] = maskExtent(ink, pxPerUnit, stepX, stepY, extent);
      box[0] = Math.min(box[0], x + left);
      box[1] = Math.min(box[1], y + top);
      box[2] = Math.max(box[2], x + right);
      box[3] = Math.max(box[3], y + bottom);
    }
  });
  return box;
}

/** A box in image pixels surely holding what resvg draws for `node` (strokes and anti-aliasing included). */
function drawnBox(node: LayoutNode, scale: number): Box {
  const [x1, y1, x2, y2] = boundsOf(node);
  // text boxes are measured (ink may reach past them); strokes reach half their width out
  const stroke = node.kind === 'line' || node.kind === 'path' ? (node.width ?? 1) : 2;
  const margin = node.kind === 'text' ? node.size / 2 : stroke / 2 + 1;
  return [
    (x1 - margin) * scale - 1,
    (y1 - margin) * scale - 1,
    (x2 + margin) * scale + 1,
    (y2 + margin) * scale + 1,
  ];
}

/**
 * Plans the text layer of a layout drawn at `scale` with the given font subsets (the files resvg
 * gets, so advances and outlines are the ones it would use). A text node joins the layer when
 * nothing drawn after it reaches into its ink, so drawing it last changes nothing (a connection
 * line crossing a card keeps that card's text with resvg, under the line). Lines that need a
 * shaper (joining scripts, combining marks, right-to-left) or glyphs the subsets lack stay with
 * resvg too.
 */
export function planTextLayer(
  layout: Layout,
  theme: Theme,
  scale: number,
  fontFiles: { regular: string; bold: string },
): TextLayer {
  const faces = { regular: facesFor(fontFiles.regular), bold: facesFor(fontFiles.bold) };
  const onTop = new Set<LayoutNode>();
  const later = new BoxGrid();
  const placed = new PlacedGlyphs();
  const runs: (GlyphRun & { node: TextNode })[] = [];
  for (let index = layout.nodes.length - 1; index >= 0; index--) {
    const node = layout.nodes[index]!;
    if (node.kind === 'text' && isCacheable(node, theme, faces)) {
      const first = placed.length;
      const box = placeGlyphs(node, faces[faceOf(node)], scale, placed);
      if (!later.overlaps(box)) {
        onTop.add(node);
        const rgb = rgbOf(theme.paints[node.style].fill)!;
        if (placed.length > first) runs.push({ node, first, end: placed.length, rgb, box });
        continue;
      }
      placed.length = first;
    }
    later.add(drawnBox(node, scale));
  }
  runs.reverse(); // back into draw order
  const atlas = new GlyphAtlas();
  const slots = new Int32Array(placed.length);
  const sizes = new Map<string, SizedSlots>();
  for (const { node, first, end } of runs) {
    const face = faceOf(node);
    const sizePx = node.size * scale;
    const sizeKey = `${face} ${sizePx}`;
    let sized = sizes.get(sizeKey);
    if (!sized) {
      sized = atlas.sized(faces[face], sizePx);
      sizes.set(sizeKey, sized);
    }
    for (let glyph = first; glyph < end; glyph++) {
      const step = placed.steps[glyph]!;
      slots[glyph] = sized.slot(
        placed.codePoints[glyph]!,
        Math.floor(step / SUBPIXEL_STEPS),
        step % SUBPIXEL_STEPS,
      );
    }
  }
  return {
    nodes: onTop,
    atlas,
    glyphs: {
      runs: runs.map(({ first, end, rgb, box }) => ({ first, end, rgb, box })),
      slots,
      // copies of the used part: the arrays are sent to the raster thread whole
      xs: placed.xs.slice(0, placed.length),
      ys: placed.ys.slice(0, placed.length),
    },
  };
}

const parsedFaces = new Map<string, FaceMetrics>();
/** Parsed subsets kept (a server draws posters of many maps, each with its own subset). */
const PARSED_FACES_KEPT = 16;

/** Font subsets are named by their content, so a parsed file can be reused by path. */
function facesFor(file: string): FaceMetrics {
  let face = parsedFaces.get(file);
  if (face) {
    parsedFaces.delete(file); // re-inserted below: most recently used last
  } else {
    face = new FaceMetrics(file);
    if (parsedFaces.size >= PARSED_FACES_KEPT) parsedFaces.delete(parsedFaces.keys().next().value!);
  }
  parsedFaces.set(file, face);
  return face;
}
