import './resvgMemory';
import { availableParallelism } from 'node:os';
import { layoutCuller } from '../layout/cull';
import type { Layout } from '../layout/types';
import { toSvg } from '../svg/toSvg';
import type { Theme } from '../theme/themes';
import { filesOf, type FontSet } from './fontCache';
import { BLEED, type BandSpec } from './rasterJob';
import { rasterThread } from './rasterThread';
import { planTextLayer, type TextLayer } from './textLayer';

/**
 * Largest tile side in pixels. tiny-skia splits every path over sub-canvases once a canvas
 * side passes 8,191 px, and one huge pixmap costs page faults on every render; tiles this size
 * stay fast and let resvg work on several cores.
 */
const TILE = 2048;

interface Tile {
  x: number;
  width: number;
}

/** Splits `total` pixels into near-equal spans no longer than `longest`. */
function spans(total: number, longest: number): Tile[] {
  const count = Math.max(1, Math.ceil(total / longest));
  const edges = Array.from({ length: count + 1 }, (_, i) => Math.round((i * total) / count));
  return edges.slice(1).map((end, i) => ({ x: edges[i]!, width: end - edges[i]! }));
}

/**
 * Rasterises a layout at `scale` tile by tile: each tile is an SVG of only the nodes that reach
 * into it, made here and handed to the raster thread, which renders them with resvg (several at
 * once) and stitches them band by band into one PNG. Pixel-aligned tile edges make the result
 * match a single render.
 *
 * Text that nothing is drawn over is left out of the tiles' SVG and drawn afterwards from a
 * glyph cache (see `textLayer.ts`); this needs the font subsets (no shaping tables), so maps
 * with joining scripts are drawn by resvg alone.
 */
export async function layoutToPngTiles(
  layout: Layout,
  theme: Theme,
  scale: number,
  fonts: FontSet,
  options: { tileSize?: number; inThread?: boolean } = {},
): Promise<Buffer> {
  rasterThread.warm(); // builds the thread's script while the text is planned
  const tileSize = options.tileSize ?? TILE;
  const textLayer: TextLayer | undefined = fonts.isSubset
    ? planTextLayer(layout, theme, scale, fonts)
    : undefined;
  const width = Math.max(1, Math.round(layout.width * scale));
  const height = Math.max(1, Math.round(layout.height * scale));
  const columns = spans(width, tileSize);
  const cull = layoutCuller(layout);
  const tileSvg = (band: Tile, column: Tile): string => {
    const viewport = {
      x: (column.x - BLEED) / scale,
      y: (band.x - BLEED) / scale,
      width: (column.width + 2 * BLEED) / scale,
      height: (band.width + 2 * BLEED) / scale,
    };
    const culled = cull(viewport);
    const nodes = textLayer ? culled.nodes.filter((node) => !textLayer.nodes.has(node)) : culled.nodes;
    return toSvg({ ...culled, nodes }, theme, { viewport });
  };
  const job = await rasterThread.open(
    {
      width,
      height,
      fontFiles: filesOf(fonts),
      ...(textLayer ? { text: textLayer.glyphs } : {}),
      // one band is already more tiles than a 2-core machine has cores; two only raised peak memory
      bandsInFlight: Math.max(1, Math.ceil(availableParallelism() / columns.length)),
    },
    { inThread: options.inThread ?? false },
  );
  try {
    textLayer?.atlas.draw().then(
      (masks) => job.setMasks(masks),
      (error: Error) => job.failText(error),
    );
    for (const band of spans(height, tileSize)) {
      const spec: BandSpec = {
        y: band.x,
        rows: band.width,
        tiles: columns.map((column) => ({ svg: tileSvg(band, column), x: column.x, width: column.width })),
      };
      job.addBand(spec);
    }
  } catch (error) {
    job.cancel();
    throw error;
  }
  return job.end();
}
