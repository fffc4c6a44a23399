import './resvgMemory';
import { renderAsync } from '@resvg/resvg-js';
import { drawGlyphs, type PlacedText } from './drawGlyphs';
import type { GlyphMasks } from './glyphAtlas';
import { PngWriter, type TileImage } from './pngEncode';
import { resvgOptions } from './resvgOptions';

/**
 * Pixels rendered beyond each tile edge and thrown away: tiny-skia clips shapes at the canvas
 * edge in a way that darkens the outermost pixel column, so tile seams would show.
 */
export const BLEED = 2;

/** What a raster job draws: the image size, the fonts of its text and its cached text's glyphs. */
export interface RasterJobSpec {
  width: number;
  height: number;
  fontFiles: string[];
  /** Text drawn from the glyph cache after resvg; its masks follow in their own message. */
  text?: PlacedText;
  /** Bands rendered ahead of the one being written (memory against parallelism). */
  bandsInFlight: number;
}

/** One tile: an SVG of the nodes reaching into it, drawn `BLEED` px past every edge. */
export interface TileSpec {
  svg: string;
  /** Left edge of the tile's visible part in the image, and its width. */
  x: number;
  width: number;
}

/** A row of tiles: the image rows from `y` on, `rows` high, tiles left to right. */
export interface BandSpec {
  y: number;
  rows: number;
  tiles: TileSpec[];
}

/**
 * Draws one tiled image, band by band as the bands arrive, into a PNG: each tile by resvg (in the
 * threadpool), the cached text over it, then stitched and compressed. Runs on the raster thread,
 * whose heap holds little, so the garbage collections the tiles' pixel buffers set off are short.
 */
export class RasterJob {
  private readonly writer: PngWriter;
  /** Bands arrived and not yet sent to resvg. */
  private readonly queued: BandSpec[] = [];
  /** Bands sent to resvg, in order; the first is the next to be written. */
  private readonly rendering: { rows: number; tiles: Promise<TileImage[]> }[] = [];
  private readonly masks: Promise<GlyphMasks | undefined>;
  private giveMasks!: (masks: GlyphMasks | undefined) => void;
  private failMasks!: (error: Error) => void;
  private arrived?: () => void;
  private ended = false;
  readonly result: Promise<Buffer>;

  constructor(private readonly spec: RasterJobSpec) {
    this.writer = new PngWriter(spec.width, spec.height);
    this.masks = new Promise((resolve, reject) => {
      this.giveMasks = resolve;
      this.failMasks = reject;
    });
    this.masks.catch(() => {}); // awaited by the tiles; this only keeps a failure from going unhandled
    if (!spec.text) this.giveMasks(undefined);
    this.result = this.run();
  }

  setMasks(masks: GlyphMasks): void {
    this.giveMasks(masks);
  }

  failText(error: Error): void {
    this.failMasks(error);
  }

  addBand(band: BandSpec): void {
    this.queued.push(band);
    this.startRenders();
    this.arrived?.();
  }

  /** No more bands will come: the PNG is finished once the last one is written. */
  end(): void {
    this.ended = true;
    this.arrived?.();
  }

  private startRenders(): void {
    while (this.queued.length > 0 && this.rendering.length < this.spec.bandsInFlight) {
      const band = this.queued.shift()!;
      const tiles = Promise.all(band.tiles.map((tile) => this.renderTile(band, tile)));
      tiles.catch(() => {}); // awaited in order by run(); this only keeps a failure from going unhandled
      this.rendering.push({ rows: band.rows, tiles });
    }
  }

  private async run(): Promise<Buffer> {
    for (;;) {
      const next = this.rendering[0];
      if (!next) {
        if (this.ended) break;
        await new Promise<void>((resolve) => (this.arrived = resolve));
        continue;
      }
      const tiles = await next.tiles;
      this.rendering.shift();
      this.startRenders();
      await this.writer.writeBand(tiles, next.rows);
    }
    return this.writer.finish();
  }

  private async renderTile(band: BandSpec, tile: TileSpec): Promise<TileImage> {
    const [renderWidth, renderHeight] = [tile.width + 2 * BLEED, band.rows + 2 * BLEED];
    // a tile without text skips loading the fonts
    const files = tile.svg.includes('<text') ? this.spec.fontFiles : [];
    const image = await renderAsync(tile.svg, resvgOptions(files, { mode: 'width', value: renderWidth }));
    if (image.width !== renderWidth || image.height < band.rows + BLEED) {
      throw new Error(
        `tile rendered at ${image.width}×${image.height}, expected ${renderWidth}×${renderHeight}`,
      );
    }
    const pixels = image.pixels;
    const masks = await this.masks;
    if (this.spec.text && masks) {
      drawGlyphs(this.spec.text, masks, {
        pixels,
        width: renderWidth,
        height: image.height,
        left: tile.x - BLEED,
        top: band.y - BLEED,
      });
    }
    return { pixels, stride: renderWidth, left: BLEED, top: BLEED, width: tile.width };
  }
}
