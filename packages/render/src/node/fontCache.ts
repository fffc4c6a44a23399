import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasGlyphs } from '../text/measure';
import type { Layout } from '../layout/types';
import { subsetFont, type Face } from './embedFont';
import { cjkCovers, subsetCjkFont } from './fallbackFont';
import { FONT_FAMILY, FONT_FILES } from './fontFiles';

/**
 * Scripts whose letters change shape with their neighbours (Arabic joining). Subsets drop the
 * shaping tables, so text with these characters is rendered with the full font.
 */
export const NEEDS_SHAPING = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

const cacheDir = join(tmpdir(), 'trailmap-font-subsets');
/** Bumped whenever subsets change for the same characters, so stale cached files are not reused. */
const SUBSET_VERSION = 3;

function cachedSubset(name: string, characters: string[], build: () => Buffer): string {
  const key = createHash('sha256').update(name).update(characters.join('')).digest('hex').slice(0, 24);
  const file = join(cacheDir, `${name}-${key}.otf`);
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, build());
    renameSync(partial, file);
  }
  return file;
}

/** The font files for one text: the bundled face, plus a CJK fallback when the text needs one. */
export interface FontSet {
  regular: string;
  bold: string;
  /** The faces are subsets (no shaping tables): glyphs map one to one to characters. */
  isSubset: boolean;
  fallback?: { regular: string; bold: string; characters: ReadonlySet<string> };
}

/**
 * Fonts for drawing `text` (any string holding every character drawn, e.g. the SVG). resvg
 * re-reads a font file for every text element, so a map with thousands of cards renders several
 * times faster from a small subset of the bundled font (derived from it, so output still does
 * not depend on the host); the subset also carries the CJK glyphs the text needs. Text that
 * needs shaping keeps the full font, with CJK glyphs in a separate fallback subset.
 */
export function fontSetFor(text: string): FontSet {
  const characters = [...new Set(text)].sort();
  if (!NEEDS_SHAPING.test(text)) {
    return {
      isSubset: true,
      regular: cachedSubset(`regular-${SUBSET_VERSION}`, characters, () => subsetFont('regular', characters)),
      bold: cachedSubset(`bold-${SUBSET_VERSION}`, characters, () => subsetFont('bold', characters)),
    };
  }
  const full = { isSubset: false, regular: FONT_FILES.regular, bold: FONT_FILES.bold };
  const cjk = characters.filter((char) => !hasGlyphs(char) && cjkCovers(char));
  if (cjk.length === 0) return full;
  return {
    ...full,
    fallback: {
      regular: cachedSubset(`cjk-regular-${SUBSET_VERSION}`, cjk, () => subsetCjkFont('regular', cjk)),
      bold: cachedSubset(`cjk-bold-${SUBSET_VERSION}`, cjk, () => subsetCjkFont('bold', cjk)),
      characters: new Set(cjk),
    },
  };
}

/** Every file of a font set, for resvg (it falls back from face to face by itself). */
export function filesOf(fonts: FontSet): string[] {
  return [
    fonts.regular,
    fonts.bold,
    ...(fonts.fallback ? [fonts.fallback.regular, fonts.fallback.bold] : []),
  ];
}

/** Every font file for drawing `text`. */
export function fontFilesFor(text: string): string[] {
  return filesOf(fontSetFor(text));
}

/**
 * `@font-face` rules embedding subsets of the bundled font (only the characters the layout uses)
 * as data: URLs, so a browser shows the SVG exactly as designed with no request for a font.
 * The subsets come from the same file cache as the PNG and PDF fonts.
 */
export function embeddedFontCss(layout: Layout): string {
  const used: Record<Face, Set<string>> = { regular: new Set(), bold: new Set() };
  for (const node of layout.nodes) {
    if (node.kind !== 'text') continue;
    const set = used[node.weight === 'bold' ? 'bold' : 'regular'];
    for (const line of node.lines) for (const char of line) set.add(char);
  }
  return (['regular', 'bold'] as const)
    .filter((face) => used[face].size > 0)
    .map((face) => {
      const characters = [...used[face]].sort();
      const file = cachedSubset(`embed-${face}-${SUBSET_VERSION}`, characters, () =>
        subsetFont(face, characters),
      );
      return `@font-face{font-family:"${FONT_FAMILY}";font-weight:${face === 'bold' ? 700 : 400};src:url(data:font/otf;base64,${readFileSync(file).toString('base64')}) format("opentype")}`;
    })
    .join('');
}
