import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subsetFont, type Face } from './embedFont';
import { FONT_FILES } from './fontFiles';

/**
 * Scripts whose letters change shape with their neighbours (Arabic joining). Subsets drop the
 * shaping tables, so text with these characters is rendered with the full font.
 */
const NEEDS_SHAPING = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

const cacheDir = join(tmpdir(), 'trailmap-font-subsets');

function cachedSubset(face: Face, characters: string[]): string {
  const key = createHash('sha256').update(face).update(characters.join('')).digest('hex').slice(0, 24);
  const file = join(cacheDir, `${face}-${key}.otf`);
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, subsetFont(face, characters));
    renameSync(partial, file);
  }
  return file;
}

/**
 * Font files for drawing `text` (any string holding every character drawn, e.g. the SVG). resvg re-reads a font file for every text element, so a map
 * with thousands of cards renders several times faster from a small subset of the bundled font
 * (derived from it, so output still does not depend on the host). Text that needs shaping keeps
 * the full font.
 */
export function fontFilesFor(text: string): string[] {
  if (NEEDS_SHAPING.test(text)) return [FONT_FILES.regular, FONT_FILES.bold];
  const characters = [...new Set(text)].sort();
  return [cachedSubset('regular', characters), cachedSubset('bold', characters)];
}
