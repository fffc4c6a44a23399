import type { Journey } from '@trailmap/schema';
import { layoutJourney } from './layout/layoutJourney';
import type { LayoutOptions } from './layout/types';
import { toSvg, type SvgOptions } from './svg/toSvg';
import { getTheme, type ThemeName } from './theme/themes';

export { layoutJourney } from './layout/layoutJourney';
export { METRICS as LAYOUT_METRICS } from './layout/scene';
export { LANE_KIND_LABELS } from './layout/model';
export type * from './layout/types';
export { monotoneCurve } from './layout/emotionCurve';
export { cullLayout, boundsOf, type Viewport } from './layout/cull';
export { toSvg, num, SVG_FONT_FAMILY, type SvgOptions } from './svg/toSvg';
export { escapeXml } from './svg/escapeXml';
export { getTheme, THEME_NAMES, type Theme, type ThemeName, type Paint } from './theme/themes';
export { measureText, hasGlyphs, type FontWeight } from './text/measure';
export { wrapText, isRightToLeft, type WrapOptions } from './text/wrap';

export interface RenderSvgOptions extends LayoutOptions, SvgOptions {
  theme?: ThemeName;
}

/** Document → SVG string in one call: `toSvg(layoutJourney(doc, opts), getTheme(opts.theme))`. */
export function renderSvg(doc: Journey, options: RenderSvgOptions = {}): string {
  return toSvg(layoutJourney(doc, options), getTheme(options.theme ?? 'light'), options);
}
export {
  PAPER_NAMES,
  PAPER_SIZES,
  paperByName,
  pageGeometry,
  type PaperName,
  type PageGeometry,
} from './paper';
