import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { PAPER_SIZES, layoutJourney, pageGeometry } from '../src/index';
import { renderPdf } from '../src/node/index';
import { GOLDEN_OPTIONS, loadFixture } from './support/fixtures';
import { ARABIC, nastyDoc } from './support/nastyDoc';

const hasPoppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const dir = mkdtempSync(join(tmpdir(), 'trailmap-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Page {
  width: number;
  height: number;
  /** Share of pixels noticeably darker than white. */
  ink: number;
}

/** Rasterises every page with pdftoppm and measures how much of each page is drawn on. */
function rasterise(pdf: Buffer, name: string, dpi = 12): Page[] {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, name)]);
  return readdirSync(dir)
    .filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.png'))
    .sort()
    .map((entry) => {
      const png = PNG.sync.read(readFileSync(join(dir, entry)));
      let inked = 0;
      for (let i = 0; i < png.data.length; i += 4)
        if (png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 700) inked++;
      return { width: png.width, height: png.height, ink: inked / (png.width * png.height) };
    });
}

const pdfText = (pdf: Buffer, name: string) => {
  const file = join(dir, `${name}-text.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
};

describe.skipIf(!hasPoppler)('PDF (rasterised with pdftoppm)', () => {
  it('puts a map on one A1 sheet of the right size, with drawn content', async () => {
    const pdf = await renderPdf(loadFixture('ecommerce'), { ...GOLDEN_OPTIONS, paper: 'A1' });
    const pages = rasterise(pdf, 'a1');
    expect(pages).toHaveLength(1);
    // A1 portrait at 12 dpi: 594 x 841 mm → 281 x 397 px
    const [width, height] = PAPER_SIZES.A1.map((points) => Math.round((points / 72) * 12));
    expect(Math.abs(pages[0]!.width - width!)).toBeLessThanOrEqual(1);
    expect(Math.abs(pages[0]!.height - height!)).toBeLessThanOrEqual(1);
    expect(pages[0]!.ink).toBeGreaterThan(0.1);
    // drawn with a subset of the bundled font: text must still be extractable
    const text = pdfText(pdf, 'a1');
    expect(text).toContain('Buying running shoes online');
    expect(text).toContain('Maya Okafor');
    expect(text).toContain('Interview +1 ●●●');
  });

  it('honors landscape and letter', async () => {
    const pdf = await renderPdf(loadFixture('blank'), { paper: 'letter', orientation: 'landscape' });
    const [page] = rasterise(pdf, 'letter');
    expect(page!.width).toBeGreaterThan(page!.height);
    expect(page!.width).toBe(Math.round((792 / 72) * 12));
  });

  it('tiles a 60-stage map over several A4 pages, each with content', async () => {
    const doc = nastyDoc();
    const layout = layoutJourney(doc);
    const geometry = pageGeometry(layout, {
      paper: 'A4',
      orientation: 'landscape',
      margin: 28,
      minTextPt: 7,
      tile: true,
    });
    expect(geometry.columns).toBeGreaterThan(1);
    const pdf = await renderPdf(doc, { paper: 'A4', orientation: 'landscape' });
    const pages = rasterise(pdf, 'tiles');
    expect(pages).toHaveLength(geometry.columns * geometry.rows);
    for (const page of pages) expect(page.ink).toBeGreaterThan(0.01);
  });

  it('keeps text selectable, including non-Latin-1 scripts', async () => {
    const doc = nastyDoc();
    const pdf = await renderPdf({ ...doc, stages: doc.stages.slice(0, 6) }, { paper: 'A2' });
    const text = pdfText(pdf, 'text');
    expect(text).toContain('Always empty');
    expect(text).toContain('<script>');
    // pdfkit does not apply the bidi algorithm, so check letters rather than word order
    expect(text).toMatch(/[\u0600-\u06FF]/u);
    expect(ARABIC).toMatch(/[\u0600-\u06FF]/u);
  });

  it('is reproducible: same input, same bytes', async () => {
    const doc = loadFixture('service-blueprint');
    const [a, b] = await Promise.all([
      renderPdf(doc, { date: '2026-11-23' }),
      renderPdf(doc, { date: '2026-11-23' }),
    ]);
    expect(a.equals(b)).toBe(true);
  });
});

describe('PNG for print', () => {
  it('fills the paper at the requested DPI', async () => {
    const { svgToPng } = await import('../src/node/png');
    const { renderSvg } = await import('../src/index');
    const png = PNG.sync.read(svgToPng(renderSvg(loadFixture('blank')), { paper: 'A4', dpi: 50 }));
    // A4 landscape at 50 dpi is 585 x 413 px; the map keeps its aspect ratio and touches two edges
    expect(png.width).toBeGreaterThan(png.height);
    expect(png.width).toBeLessThanOrEqual(586);
    expect(png.height).toBeLessThanOrEqual(414);
    expect(Math.abs(png.width - 585) <= 1 || Math.abs(png.height - 413) <= 1).toBe(true);
  });
});
