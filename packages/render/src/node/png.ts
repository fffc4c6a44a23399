import { Resvg } from '@resvg/resvg-js';
import { tooLarge } from '@trailmap/schema';
import { pageGeometry, type PaperName } from '../paper';
import { fontFilesFor } from './fontCache';
import { FONT_FAMILY } from './fontFiles';

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

/**
 * Rasterises an SVG made by `toSvg` with resvg, using only the bundled fonts (system fonts are
 * never loaded, so output is identical on every machine).
 * @throws TrailmapError `TOO_LARGE` (413) when the image would exceed `maxPixels`
 */
export function svgToPng(svg: string, options: PngOptions = {}): Buffer {
  const size = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  const [width, height] = [Number(size?.[1] ?? 0), Number(size?.[2] ?? 0)];
  const scale = scaleOf(options, width, height);
  if (!(scale > 0 && scale <= 16)) throw new RangeError(`scale must be in (0, 16], got ${scale}`);
  const target = Math.round(width * scale);
  const pixels = target * Math.round(height * scale);
  const maxPixels = options.maxPixels ?? 300_000_000;
  if (pixels > maxPixels) {
    throw tooLarge(
      `a ${target} × ${Math.round(height * scale)} px image is too large to render; lower the scale or DPI`,
      { pixels, maxPixels },
    );
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.max(1, target) },
    font: {
      loadSystemFonts: false,
      fontFiles: fontFilesFor(svg),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  });
  return resvg.render().asPng();
}
