import { Resvg } from '@resvg/resvg-js';
import { fontFilesFor } from './fontCache';
import { FONT_FAMILY } from './fontFiles';

export interface PngOptions {
  /** Pixel ratio: 1 = one px per layout unit (96 dpi), 2 for high-density screens. */
  scale?: number;
  /** Dots per inch of the output; overrides `scale` (300 for printed posters). */
  dpi?: number;
  /** Largest allowed width in px; guards memory on huge maps at high DPI. Default 32000. */
  maxWidth?: number;
}

/** Layout units are CSS px (96 per inch). */
export const CSS_DPI = 96;

export const scaleOf = (options: PngOptions) => (options.dpi ? options.dpi / CSS_DPI : (options.scale ?? 1));

/**
 * Rasterises an SVG made by `toSvg` with resvg, using only the bundled fonts (system fonts are
 * never loaded, so output is identical on every machine).
 */
export function svgToPng(svg: string, options: PngOptions = {}): Buffer {
  const scale = scaleOf(options);
  if (!(scale > 0 && scale <= 16)) throw new RangeError(`scale must be in (0, 16], got ${scale}`);
  const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  const target = Math.min(Math.round(width * scale), options.maxWidth ?? 32000);
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
