import type { Journey } from '@trailmap/schema';
import { layoutJourney } from '../layout/layoutJourney';
import type { LayoutOptions } from '../layout/types';
import { toSvg } from '../svg/toSvg';
import { getTheme, type ThemeName } from '../theme/themes';
import { embeddedFontCss } from './fontCache';
import { layoutToPdf, type PdfOptions } from './pdf';
import { layoutToPng, type PngOptions } from './png';

export { FONT_FAMILY, FONT_FILES } from './fontFiles';
export {
  PAPER_NAMES,
  PAPER_SIZES,
  paperByName,
  pageGeometry,
  type PaperName,
  type PageGeometry,
} from '../paper';
export { layoutToPng, svgToPng, type PngOptions } from './png';
export { layoutToPdf, type PdfOptions } from './pdf';
export { fontFilesFor } from './fontCache';
export { embeddedFontCss } from './fontCache';
export { toXlsx } from './xlsx/toXlsx';
export { fromXlsx, type FromXlsxOptions } from './xlsx/fromXlsx';
export { guardCell, unguardCell } from './xlsx/cells';

export interface NodeRenderOptions extends LayoutOptions {
  theme?: ThemeName;
}

export interface NodeSvgOptions extends NodeRenderOptions {
  /** Embed a subset of the bundled font as @font-face data (default true): the file is self-contained. */
  embedFont?: boolean;
}

/** A self-contained SVG poster (font embedded unless `embedFont: false`). */
export function renderSvg(doc: Journey, options: NodeSvgOptions = {}): string {
  const layout = layoutJourney(doc, options);
  const fontFaceCss = options.embedFont === false ? undefined : embeddedFontCss(layout);
  return toSvg(layout, getTheme(options.theme ?? 'light'), fontFaceCss ? { fontFaceCss } : {});
}

/** PNG poster; `scale: 2` for screens, `dpi: 300` for print. Rendered in tiles on several threads. */
export function renderPng(doc: Journey, options: NodeRenderOptions & PngOptions = {}): Promise<Buffer> {
  return layoutToPng(layoutJourney(doc, options), getTheme(options.theme ?? 'light'), options);
}

/** PDF poster on real paper (default A3, oriented like the map), tiled over several pages when too wide. */
export function renderPdf(doc: Journey, options: NodeRenderOptions & PdfOptions = {}): Promise<Buffer> {
  const layout = layoutJourney(doc, options);
  return layoutToPdf(layout, getTheme(options.theme ?? 'light'), options);
}
