import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** Whether poppler-utils (pdftoppm, pdftotext) is installed; `.ci/run` installs it. */
export const hasPoppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function withPdfFile<T>(pdf: Buffer, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'trailmap-poppler-'));
  try {
    const file = join(dir, 'map.pdf');
    writeFileSync(file, pdf);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first page rasterised by pdftoppm at `dpi`. */
export const firstPagePng = (pdf: Buffer, dpi: number) =>
  withPdfFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-png',
      '-singlefile',
      '-f',
      '1',
      '-l',
      '1',
      file,
      join(dir, 'page'),
    ]);
    return PNG.sync.read(readFileSync(join(dir, 'page.png')));
  });

/** The text pdftotext extracts, in reading order as poppler sees it. */
export const pdfText = (pdf: Buffer) =>
  withPdfFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));

/** Words pdftotext finds on the first page with their left edge, in points. */
export const pdfWords = (pdf: Buffer) =>
  withPdfFile(pdf, (file) =>
    [
      ...execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-'], {
        encoding: 'utf8',
      }).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g),
    ].map(([, x, y, text]) => ({ x: Number(x), y: Number(y), text: text! })),
  );
