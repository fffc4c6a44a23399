import { afterEach, describe, expect, it } from 'vitest';
import { layoutJourney } from '../src/layout/layoutJourney';
import { toSvg } from '../src/svg/toSvg';
import { getTheme } from '../src/theme/themes';
import { fontSetFor } from '../src/node/fontCache';
import { layoutToPngTiles } from '../src/node/pngTiles';
import { RasterThread, rasterThread } from '../src/node/rasterThread';
import { GOLDEN_OPTIONS, loadFixture } from './support/fixtures';
import { readPng } from './support/goldenCases';

const layout = layoutJourney(loadFixture('service-blueprint'), GOLDEN_OPTIONS);
const theme = getTheme('light');
const fonts = fontSetFor(toSvg(layout, theme));

/** A tile spec whose SVG fills `width` × `rows` pixels (plus the 2 px bleed) with one colour. */
const flatTile = (x: number, width: number, rows: number, fill: string) => ({
  x,
  width,
  svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width + 4}" height="${rows + 4}"><rect width="100%" height="100%" fill="${fill}"/></svg>`,
});

describe('raster thread', () => {
  afterEach(async () => {
    await rasterThread.stop();
  });

  it('draws the same PNG as the same job run in the main thread', async () => {
    const options = { tileSize: 256 };
    const viaThread = await layoutToPngTiles(layout, theme, 0.6, fonts, options);
    const inMain = await layoutToPngTiles(layout, theme, 0.6, fonts, { ...options, inThread: true });
    expect(viaThread.equals(inMain)).toBe(true);
    const image = readPng(viaThread);
    expect([image.width, image.height]).toEqual([
      Math.round(layout.width * 0.6),
      Math.round(layout.height * 0.6),
    ]);
  });

  it('runs jobs side by side, each with its own pixels', async () => {
    const job = async (fill: string) => {
      const handle = await rasterThread.open({ width: 40, height: 30, fontFiles: [], bandsInFlight: 1 });
      handle.addBand({ y: 0, rows: 20, tiles: [flatTile(0, 25, 20, fill), flatTile(25, 15, 20, fill)] });
      handle.addBand({ y: 20, rows: 10, tiles: [flatTile(0, 25, 10, fill), flatTile(25, 15, 10, fill)] });
      return readPng(await handle.end());
    };
    const [red, blue] = await Promise.all([job('#ff0000'), job('#0000ff')]);
    expect([...red.data.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
    expect([...blue.data.subarray(-4)]).toEqual([0, 0, 255, 255]);
  });

  it('reports a tile resvg cannot read, and the next job still works', async () => {
    const broken = await rasterThread.open({ width: 10, height: 10, fontFiles: [], bandsInFlight: 1 });
    broken.addBand({ y: 0, rows: 10, tiles: [{ x: 0, width: 10, svg: '<svg><unclosed' }] });
    await expect(broken.end()).rejects.toThrow(/SVG|xml|parse/i);
    const fine = await rasterThread.open({ width: 10, height: 10, fontFiles: [], bandsInFlight: 1 });
    fine.addBand({ y: 0, rows: 10, tiles: [flatTile(0, 10, 10, '#00ff00')] });
    expect(readPng(await fine.end()).width).toBe(10);
  });

  it('fails the open jobs when the thread is lost, and starts a new one for the next job', async () => {
    const open = await rasterThread.open({ width: 10, height: 20, fontFiles: [], bandsInFlight: 1 });
    open.addBand({ y: 0, rows: 10, tiles: [flatTile(0, 10, 10, '#00ff00')] });
    await rasterThread.stop(); // the job waits for its second band
    await expect(open.end()).rejects.toThrow(/raster thread stopped/);
    const png = await layoutToPngTiles(layout, theme, 0.3, fonts, { tileSize: 256 });
    expect(readPng(png).height).toBe(Math.round(layout.height * 0.3));
  });

  it('draws in the main thread, with one warning, when the thread cannot start', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const broken = new RasterThread(() => Promise.reject(new Error('esbuild is missing')));
      for (const fill of ['#ff0000', '#0000ff']) {
        const job = await broken.open({ width: 10, height: 10, fontFiles: [], bandsInFlight: 1 });
        job.addBand({ y: 0, rows: 10, tiles: [flatTile(0, 10, 10, fill)] });
        expect(readPng(await job.end()).data[2]).toBe(fill === '#0000ff' ? 255 : 0);
      }
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      expect(warnings).toEqual([expect.stringMatching(/raster thread unavailable.*esbuild is missing/)]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('says which rows are missing when a job ends early', async () => {
    const short = await rasterThread.open({ width: 10, height: 20, fontFiles: [], bandsInFlight: 1 });
    short.addBand({ y: 0, rows: 10, tiles: [flatTile(0, 10, 10, '#00ff00')] });
    await expect(short.end()).rejects.toThrow('PNG has 10 of 20 rows');
  });
});
