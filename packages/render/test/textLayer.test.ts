import { describe, expect, it } from 'vitest';
import type { Layout, LayoutNode, TextNode } from '../src/layout/types';
import { fontSetFor } from '../src/node/fontCache';
import { layoutToPngTiles } from '../src/node/pngTiles';
import { planTextLayer } from '../src/node/textLayer';
import { getTheme } from '../src/theme/themes';
import { readPng } from './support/goldenCases';

const theme = getTheme('light');

const text = (x: number, y: number, line: string, extra: Partial<TextNode> = {}): TextNode => ({
  kind: 'text',
  style: 'text.strong',
  x,
  y,
  lines: [line],
  size: 20,
  weight: 'bold',
  lineHeight: 24,
  anchor: 'start',
  ...extra,
});

const canvas: LayoutNode = { kind: 'rect', style: 'canvas', x: 0, y: 0, width: 400, height: 120 };
/** An opaque box over the right half of the first line of text. */
const cover: LayoutNode = { kind: 'rect', style: 'panel.accent', x: 100, y: 10, width: 300, height: 30 };

const layoutOf = (nodes: LayoutNode[]): Layout => ({
  width: 400,
  height: 120,
  title: 'text layer',
  description: '',
  columns: [],
  rows: [],
  nodes,
});

const allText = (layout: Layout) =>
  layout.nodes.map((node) => (node.kind === 'text' ? node.lines.join('') : '')).join('');

/** Colour of the pixel at (x, y) of a decoded PNG, as #rrggbb. */
function colorAt(image: { width: number; data: Uint8Array }, x: number, y: number): string {
  const at = (y * image.width + x) * 4;
  return `#${[0, 1, 2].map((channel) => image.data[at + channel]!.toString(16).padStart(2, '0')).join('')}`;
}

/** How many pixels in a box are close to `color` (every channel within 40). */
function pixelsNear(
  image: { width: number; data: Uint8Array },
  box: [number, number, number, number],
  color: string,
): number {
  const target = [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16));
  let count = 0;
  for (let y = box[1]; y < box[3]; y++) {
    for (let x = box[0]; x < box[2]; x++) {
      const at = (y * image.width + x) * 4;
      if (target.every((value, channel) => Math.abs(image.data[at + channel]! - value) <= 40)) count++;
    }
  }
  return count;
}

describe('text layer of large PNGs (glyph cache)', () => {
  it('keeps text that a later shape covers with resvg, so the shape stays on top', async () => {
    const hidden = text(10, 30, 'Covered words');
    const free = text(10, 90, 'Free words');
    const layout = layoutOf([canvas, hidden, free, cover]);
    const fonts = fontSetFor(allText(layout));
    const plan = planTextLayer(layout, theme, 1, fonts);
    expect(plan.nodes.has(free)).toBe(true);
    expect(plan.nodes.has(hidden)).toBe(false);

    const image = readPng(await layoutToPngTiles(layout, theme, 1, fonts, { tileSize: 64 }));
    // the cover is solid where it overlaps the text: no glyph was drawn over it
    const accent = theme.paints['panel.accent'].fill!;
    expect(pixelsNear(image, [100, 10, 400, 40], accent)).toBe(300 * 30);
    // the uncovered text is drawn, in its colour, from the cache
    const ink = theme.paints['text.strong'].fill!;
    expect(pixelsNear(image, [10, 70, 130, 100], ink)).toBeGreaterThan(150);
    expect(colorAt(image, 5, 100)).toBe(theme.paints.canvas.fill);
  });

  it('draws text over a shape drawn before it', async () => {
    const onTop = text(110, 30, 'On top');
    const layout = layoutOf([canvas, cover, onTop]);
    const fonts = fontSetFor(allText(layout));
    expect(planTextLayer(layout, theme, 2, fonts).nodes.has(onTop)).toBe(true);
    const image = readPng(await layoutToPngTiles(layout, theme, 2, fonts, { tileSize: 100 }));
    const ink = theme.paints['text.strong'].fill!;
    expect(pixelsNear(image, [220, 20, 400, 80], ink)).toBeGreaterThan(300);
  });

  it('leaves text that needs a shaper or glyphs the font lacks to resvg', () => {
    // far enough apart that none reaches into another
    const plain = text(10, 30, 'Plain');
    const hebrew = text(10, 100, 'שלום 42', { isRightToLeft: true });
    const combining = text(150, 30, 'Cafe\u0301');
    const spaced = text(150, 100, 'two  spaces');
    const emoji = text(300, 30, 'Hi 🙂');
    const layout = layoutOf([canvas, plain, hebrew, combining, spaced, emoji]);
    const plan = planTextLayer(layout, theme, 1, fontSetFor(allText(layout)));
    expect([...plan.nodes]).toEqual([plain]);
  });

  it('is skipped for maps with joining scripts, whose fonts keep their shaping tables', async () => {
    const arabic = text(10, 30, 'مرحبا بالعالم', { isRightToLeft: true });
    const layout = layoutOf([canvas, text(10, 90, 'Latin line'), arabic]);
    const fonts = fontSetFor(allText(layout));
    expect(fonts.isSubset).toBe(false);
    const image = readPng(await layoutToPngTiles(layout, theme, 1, fonts, { tileSize: 64 }));
    const ink = theme.paints['text.strong'].fill!;
    expect(pixelsNear(image, [10, 10, 200, 40], ink)).toBeGreaterThan(100);
    expect(pixelsNear(image, [10, 70, 200, 100], ink)).toBeGreaterThan(100);
  });

  it('draws each glyph once per size and sub-pixel offset, however often it is used', () => {
    // ten lines of the same word on whole-pixel baselines: every letter repeats at the same offsets
    const repeated = text(10, 20, 'abc', {
      lines: Array.from({ length: 10 }, () => 'abc'),
      size: 10,
      lineHeight: 10,
    });
    const smaller = text(200, 20, 'abc', { size: 8 });
    const plan = planTextLayer(layoutOf([canvas, repeated, smaller]), theme, 1, fontSetFor('abc'));
    expect(plan.glyphs.slots.length).toBe(33);
    expect(plan.atlas.size).toBe(6);
  });
});
