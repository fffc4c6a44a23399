import './resvgMemory';
import { Resvg, renderAsync } from '@resvg/resvg-js';
import { tooLarge } from '@trailmap/schema';
import type { Layout } from '../layout/types';
import { pageGeometry, type PaperName } from '../paper';
import { toSvg } from '../svg/toSvg';
import type { Theme } from '../theme/themes';
import { filesOf, fontFilesFor, fontSetFor } from './fontCache';
import { splitMixedScriptLines } from './mixedScriptLines';
import { layoutToPngTiles } from './pngTiles';
import { resvgOptions } from './resvgOptions';

export interface PngOptions {
  /** Pixel ratio: 1 = one px per layout unit (96 dpi), 2 for high-density screens. */
  scale?: number;
  /** Dots per inch of the output; overrides `scale` (300 for printed posters). */
  dpi?: number;
  /**
   * Size the image to fill this paper (oriented like the map) at `dpi` (default 300), e.g.
   * `{ paper: 'A1', dpi: 300 }` for a print shop.
   */
  paper?: PaperName;
  /** Largest allowed image in pixels (width × height); guards memory. Default 300 million. */
  maxPixels?: number;
}

/** Largest image side rendered in one pass (off the main thread) rather than in tiles. */
const SINGLE_PASS_SIDE = 4096;

/** Layout units are CSS px (96 per inch). */
export const CSS_DPI = 96;

/** Pixels per layout px for the options and a map of `width` × `height` layout px. */
export function scaleOf(options: PngOptions, width = 1, height = 1): number {
  if (options.paper) {
    const orientation = width >= height ? 'landscape' : 'portrait';
    const fit = pageGeometry(
      { width, height },
      { paper: options.paper, orientation, margin: 0, minTextPt: 0, tile: false },
    );
    return (fit.scale * (options.dpi ?? 300)) / 72;
  }
  return options.dpi ? options.dpi / CSS_DPI : (options.scale ?? 1);
}

/** The scale for `options`, after checking range and the pixel budget. */
function checkedScale(options: PngOptions, width: number, height: number): number {
  const scale = scaleOf(options, width, height);
  if (!(scale > 0 && scale <= 16)) throw new RangeError(`scale must be in (0, 16], got ${scale}`);
  const [targetWidth, targetHeight] = [Math.round(width * scale), Math.round(height * scale)];
  const pixels = targetWidth * targetHeight;
  const maxPixels = options.maxPixels ?? 300_000_000;
  if (pixels > maxPixels) {
    throw tooLarge(
      `a ${targetWidth} × ${targetHeight} px image is too large to render; lower the scale or DPI`,
      { pixels, maxPixels },
    );
  }
  return scale;
}

/**
 * Rasterises an SVG made by `toSvg` with resvg, using only the bundled fonts (system fonts are
 * never loaded, so output is identical on every machine).
 * @throws TrailmapError `TOO_LARGE` (413) when the image would exceed `maxPixels`
 */
export function svgToPng(svg: string, options: PngOptions = {}): Buffer {
  const size = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  const [width, height] = [Number(size?.[1] ?? 0), Number(size?.[2] ?? 0)];
  const scale = checkedScale(options, width, height);
  const fitTo = { mode: 'width', value: Math.max(1, Math.round(width * scale)) } as const;
  return new Resvg(svg, resvgOptions(fontFilesFor(svg), fitTo)).render().asPng();
}

/**
 * Rasterises a layout off the main thread: in one pass up to 4,096 px a side, beyond that in
 * tiles on several threads streamed into one PNG, so memory stays bounded for posters (a
 * 2,000-card map at 2x is ~180 million pixels).
 * @throws TrailmapError `TOO_LARGE` (413) when the image would exceed `maxPixels`
 */
export async function layoutToPng(layout: Layout, theme: Theme, options: PngOptions = {}): Promise<Buffer> {
  const scale = checkedScale(options, layout.width, layout.height);
  const text = layout.nodes.map((node) => (node.kind === 'text' ? node.lines.join('') : '')).join('');
  const fonts = fontSetFor(text);
  const drawn = splitMixedScriptLines(layout, fonts);
  const [width, height] = [Math.round(layout.width * scale), Math.round(layout.height * scale)];
  if (width <= SINGLE_PASS_SIDE && height <= SINGLE_PASS_SIDE) {
    // tiles only pay off for big images: a workshop map renders faster in one pass
    const fitTo = { mode: 'width', value: Math.max(1, width) } as const;
    return (await renderAsync(toSvg(drawn, theme), resvgOptions(filesOf(fonts), fitTo))).asPng();
  }
  return layoutToPngTiles(drawn, theme, scale, fonts);
}
