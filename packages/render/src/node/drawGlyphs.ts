import type { GlyphMasks } from './glyphAtlas';

/** One text node's glyphs, all of one colour, in image pixels. */
export interface GlyphRun {
  /** Range into the glyph arrays. */
  first: number;
  end: number;
  rgb: [number, number, number];
  /** Pixel box holding every glyph's mask: left, top, right, bottom. */
  box: [number, number, number, number];
}

/** Where each glyph of a poster's cached text goes: its atlas slot and whole-pixel origin. */
export interface PlacedText {
  runs: GlyphRun[];
  slots: Int32Array;
  xs: Int32Array;
  ys: Int32Array;
}

/** A rendered tile's RGBA pixels and where the tile sits in the whole image. */
export interface TilePixels {
  pixels: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
}

/**
 * Draws the layer's glyphs that reach into a tile (source-over, in draw order). Tiles are opaque
 * (the map's canvas fills them), so straight and premultiplied colours are the same.
 */
export function drawGlyphs(layer: PlacedText, masks: GlyphMasks, tile: TilePixels): void {
  const { pixels, width: tileWidth, height: tileHeight } = tile;
  const { alpha, offset, rows, inkFrom, inkTo } = masks;
  const { left: maskLeft, top: maskTop, width: maskWidth, height: maskHeight } = masks;
  const { slots, xs, ys } = layer;
  for (const run of layer.runs) {
    const [x1, y1, x2, y2] = run.box;
    if (x2 <= tile.left || x1 >= tile.left + tileWidth || y2 <= tile.top || y1 >= tile.top + tileHeight) {
      continue;
    }
    const [red, green, blue] = run.rgb;
    for (let glyph = run.first; glyph < run.end; glyph++) {
      const slot = slots[glyph]!;
      const width = maskWidth[slot]!;
      const left = xs[glyph]! + maskLeft[slot]! - tile.left;
      const top = ys[glyph]! + maskTop[slot]! - tile.top;
      const [visibleFrom, visibleTo] = [left < 0 ? -left : 0, Math.min(width, tileWidth - left)];
      const toRow = Math.min(maskHeight[slot]!, tileHeight - top);
      for (let row = top < 0 ? -top : 0; row < toRow; row++) {
        const fromColumn = Math.max(visibleFrom, inkFrom[rows[slot]! + row]!);
        const toColumn = Math.min(visibleTo, inkTo[rows[slot]! + row]!);
        let source = offset[slot]! + row * width + fromColumn;
        let target = ((top + row) * tileWidth + left + fromColumn) * 4;
        for (let column = fromColumn; column < toColumn; column++, source++, target += 4) {
          const cover = alpha[source]!;
          if (cover === 0) continue;
          if (cover === 255) {
            pixels[target] = red;
            pixels[target + 1] = green;
            pixels[target + 2] = blue;
            pixels[target + 3] = 255;
            continue;
          }
          const keep = 255 - cover;
          pixels[target] = (red * cover + pixels[target]! * keep + 127) / 255;
          pixels[target + 1] = (green * cover + pixels[target + 1]! * keep + 127) / 255;
          pixels[target + 2] = (blue * cover + pixels[target + 2]! * keep + 127) / 255;
          pixels[target + 3] = cover + (pixels[target + 3]! * keep + 127) / 255;
        }
      }
    }
  }
}
