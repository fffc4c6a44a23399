import { describe, expect, it } from 'vitest';
import { layoutJourney } from '../src/layout/layoutJourney';
import { toSvg } from '../src/svg/toSvg';
import { getTheme } from '../src/theme/themes';
import { fontSetFor } from '../src/node/fontCache';
import { layoutToPng, renderPng, svgToPng } from '../src/node/index';
import { layoutToPngTiles } from '../src/node/pngTiles';
import { planTextLayer } from '../src/node/textLayer';
import { GOLDEN_OPTIONS, loadFixture } from './support/fixtures';
import { readPng } from './support/goldenCases';
import { differingShare, worstLine } from './support/pixels';
import { inflatedRows } from './support/pngChunks';

describe('tiled PNG (layoutToPng)', () => {
  const layout = layoutJourney(loadFixture('service-blueprint'), GOLDEN_OPTIONS);
  const theme = getTheme('dark');

  it('matches a single-pass render of the same map, seams included', async () => {
    // 300 px tiles at an odd scale: many seams, cutting through cards, text and curves
    const scale = 0.7;
    const svg = toSvg(layout, theme);
    const png = await layoutToPngTiles(layout, theme, scale, fontSetFor(svg), { tileSize: 300 });
    const tiled = readPng(png);
    // the reference: the same pipeline (glyph-cached text included) in one tile
    const whole = readPng(
      await layoutToPngTiles(layout, theme, scale, fontSetFor(svg), { tileSize: 100_000 }),
    );
    // bands are compressed separately and joined: the stream and its checksum must hold up
    expect(inflatedRows(png).length).toBe(whole.height * (whole.width * 4 + 1));
    expect(tiled.width).toBeGreaterThan(2 * 300);
    expect([tiled.width, tiled.height]).toEqual([whole.width, whole.height]);
    // float rounding flips a few anti-aliasing samples; a seam would be a whole differing line
    expect(differingShare(tiled, whole, 8)).toBeLessThan(0.0002);
    expect(worstLine(tiled, whole)).toBeLessThan(10);
  });

  it('draws text from its glyph cache as resvg draws it, and still matches a resvg render', async () => {
    const scale = 0.7;
    const [width, height] = [Math.round(layout.width * scale), Math.round(layout.height * scale)];
    const svg = toSvg(layout, theme, {
      viewport: { x: 0, y: 0, width: width / scale, height: height / scale },
    });
    const fonts = fontSetFor(svg);
    const textNodes = layout.nodes.filter((node) => node.kind === 'text');
    // most of this map's text is drawn from the cache, so this compares the cache with resvg
    expect(planTextLayer(layout, theme, scale, fonts).nodes.size).toBeGreaterThan(textNodes.length * 0.8);
    const tiled = readPng(await layoutToPngTiles(layout, theme, scale, fonts, { tileSize: 300 }));
    const whole = readPng(svgToPng(svg, { scale }));
    // glyphs sit within 1/32 px of resvg's positions and touching glyphs blend one after the
    // other: edge pixels differ slightly, never a whole glyph (that would be ~60 % of a text's ink)
    expect(differingShare(tiled, whole, 24)).toBeLessThan(0.0025);
    expect(differingShare(tiled, whole, 96)).toBeLessThan(0.00002);
  });

  it('notices when the stitched image differs', async () => {
    const tiled = readPng(
      await layoutToPngTiles(layout, theme, 0.7, fontSetFor(toSvg(layout, theme)), { tileSize: 300 }),
    );
    const light = readPng(svgToPng(toSvg(layout, getTheme('light')), { scale: 0.7 }));
    expect(differingShare(tiled, light, 8)).toBeGreaterThan(0.1);
  });

  it('renders small images in one pass, identical to svgToPng', async () => {
    const viaLayout = await layoutToPng(layout, theme, { scale: 0.5 });
    expect(viaLayout.equals(svgToPng(toSvg(layout, theme), { scale: 0.5 }))).toBe(true);
  });

  it('refuses an image past the pixel budget before rendering anything', async () => {
    await expect(
      renderPng(loadFixture('ecommerce'), { scale: 4, maxPixels: 1_000_000 }),
    ).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
  });
});
