import type { GlyphMasks } from './glyphAtlas';
import type { BandSpec, RasterJobSpec } from './rasterJob';

/** Messages from the main thread to the raster thread; `id` names the job. */
export type ToRaster =
  | { kind: 'start'; id: number; spec: RasterJobSpec }
  | { kind: 'masks'; id: number; masks: GlyphMasks }
  | { kind: 'textFailed'; id: number; message: string }
  | { kind: 'band'; id: number; band: BandSpec }
  | { kind: 'end'; id: number }
  | { kind: 'cancel'; id: number };

/** Messages from the raster thread: a job's PNG, or why it failed. */
export type FromRaster =
  { kind: 'done'; id: number; png: Uint8Array } | { kind: 'failed'; id: number; message: string };
