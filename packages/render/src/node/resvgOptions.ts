import type { ResvgRenderOptions } from '@resvg/resvg-js';
// not ./fontFiles: the raster thread's bundle takes this module, and that one finds files by import.meta
import { FONT_FAMILY } from './fontFamily';

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
