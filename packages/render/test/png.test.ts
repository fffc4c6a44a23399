import { describe, expect, it } from 'vitest';
import { layoutJourney } from '../src/layout/layoutJourney';
import { toSvg } from '../src/svg/toSvg';
import { getTheme } from '../src/theme/themes';
import { fontFilesFor } from '../src/node/fontCache';
import { layoutToPng, renderPng, svgToPng } from '../src/node/index';
import { layoutToPngTiles } from '../src/node/pngTiles';
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
    // the reference: one render of exactly the pixels the tiles cover, at exactly this scale
    const [width, height] = [Math.round(layout.width * scale), Math.round(layout.height * scale)];
    const svg = toSvg(layout, theme, {
      viewport: { x: 0, y: 0, width: width / scale, height: height / scale },
    });
    const png = await layoutToPngTiles(layout, theme, scale, fontFilesFor(svg), 300);
    const tiled = readPng(png);
    const whole = readPng(svgToPng(svg, { scale }));
    // bands are compressed separately and joined: the stream and its checksum must hold up
    expect(inflatedRows(png).length).toBe(whole.height * (whole.width * 4 + 1));
    expect(tiled.width).toBeGreaterThan(2 * 300);
    expect([tiled.width, tiled.height]).toEqual([whole.width, whole.height]);
    // float rounding flips a few anti-aliasing samples; a seam would be a whole differing line
    expect(differingShare(tiled, whole, 8)).toBeLessThan(0.0002);
    expect(worstLine(tiled, whole)).toBeLessThan(10);
  });

  it('notices when the stitched image differs', async () => {
    const tiled = readPng(
      await layoutToPngTiles(layout, theme, 0.7, fontFilesFor(toSvg(layout, theme)), 300),
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
