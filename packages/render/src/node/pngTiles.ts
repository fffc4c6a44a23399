import './resvgMemory';
import { availableParallelism } from 'node:os';
import { renderAsync } from '@resvg/resvg-js';
import { layoutCuller } from '../layout/cull';
import type { Layout } from '../layout/types';
import { toSvg } from '../svg/toSvg';
import type { Theme } from '../theme/themes';
import { filesOf, type FontSet } from './fontCache';
import { PngWriter, type TileImage } from './pngEncode';
import { resvgOptions } from './resvgOptions';
import { drawTextLayer, planTextLayer, type TextLayer } from './textLayer';

/**
 * Largest tile side in pixels. tiny-skia splits every path over sub-canvases once a canvas
 * side passes 8,191 px, and one huge pixmap costs page faults on every render; tiles this size
 * stay fast and let resvg work on several cores.
 */
const TILE = 2048;
/**
 * Pixels rendered beyond each tile edge and thrown away: tiny-skia clips shapes at the canvas
 * edge in a way that darkens the outermost pixel column, so tile seams would show.
 */
const BLEED = 2;

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
 * into it, rendered by resvg off the main thread (several at once), and the tiles are stitched
 * band by band into one PNG. Pixel-aligned tile edges make the result match a single render.
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
  tileSize = TILE,
): Promise<Buffer> {
  const fontFiles = filesOf(fonts);
  const textLayer: TextLayer | undefined = fonts.isSubset
    ? planTextLayer(layout, theme, scale, fonts)
    : undefined;
  const masks = textLayer?.atlas.draw();
  masks?.catch(() => {}); // awaited by the tiles; this only keeps a failure from going unhandled

  const width = Math.max(1, Math.round(layout.width * scale));
  const height = Math.max(1, Math.round(layout.height * scale));
  const columns = spans(width, tileSize);
  const bands = spans(height, tileSize);
  const writer = new PngWriter(width, height);
  const cull = layoutCuller(layout);
  const renderTile = async (band: Tile, column: Tile): Promise<TileImage> => {
    const [renderWidth, renderHeight] = [column.width + 2 * BLEED, band.width + 2 * BLEED];
    const viewport = {
      x: (column.x - BLEED) / scale,
      y: (band.x - BLEED) / scale,
      width: renderWidth / scale,
      height: renderHeight / scale,
    };
    const culled = cull(viewport);
    const nodes = textLayer ? culled.nodes.filter((node) => !textLayer.nodes.has(node)) : culled.nodes;
    const svg = toSvg({ ...culled, nodes }, theme, { viewport });
    // a tile without text skips loading the fonts
    const files = svg.includes('<text') ? fontFiles : [];
    const image = await renderAsync(svg, resvgOptions(files, { mode: 'width', value: renderWidth }));
    if (image.width !== renderWidth || image.height < band.width + BLEED) {
      throw new Error(
        `tile rendered at ${image.width}×${image.height}, expected ${renderWidth}×${renderHeight}`,
      );
    }
    const pixels = image.pixels;
    if (textLayer) {
      drawTextLayer(textLayer, await masks!, {
        pixels,
        width: renderWidth,
        height: image.height,
        left: column.x - BLEED,
        top: band.x - BLEED,
      });
    }
    return { pixels, stride: renderWidth, left: BLEED, top: BLEED, width: column.width };
  };
  // Render up to `inFlight` bands ahead of the one being copied out and compressed (one band is
  // already more tiles than a 2-core machine has cores; two only raised peak memory).
  const inFlight = Math.max(1, Math.ceil(availableParallelism() / columns.length));
  const pending: Promise<TileImage[]>[] = [];
  let next = 0;
  const queue = () => {
    const band = bands[next++]!;
    const tiles = Promise.all(columns.map((column) => renderTile(band, column)));
    tiles.catch(() => {}); // awaited below in order; this only keeps a failure from being "unhandled"
    pending.push(tiles);
  };
  while (next < bands.length && pending.length < inFlight) queue();
  for (const band of bands) {
    const tiles = await pending.shift()!;
    if (next < bands.length) queue();
    await writer.writeBand(tiles, band.width);
  }
  return writer.finish();
}
