import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY } from './fontFiles';

/** resvg settings shared by whole-image and tiled renders: bundled fonts only, never the host's. */
export function resvgOptions(fontFiles: string[], fitTo: ResvgRenderOptions['fitTo']): ResvgRenderOptions {
  return {
    fitTo,
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  };
}
