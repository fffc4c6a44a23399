import type { FontTable } from './fontTable';
import { BOLD, REGULAR } from './metrics.generated';

export type FontWeight = 'normal' | 'bold';

type AdvanceMap = Map<number, number>;
const cache = new Map<FontWeight, AdvanceMap>();

function advancesOf(weight: FontWeight): AdvanceMap {
  let map = cache.get(weight);
  if (map) return map;
  const table: FontTable = weight === 'bold' ? BOLD : REGULAR;
  map = new Map();
  for (const run of table.runs.split(';')) {
    const [first, advances] = run.split(':') as [string, string];
    const start = parseInt(first, 36);
    advances
      .split(',')
      .forEach((advance, offset) => map!.set(start + offset, parseInt(advance, 36) / table.unitsPerEm));
  }
  cache.set(weight, map);
  return map;
}

/** Width in em of a code point the bundled font lacks (CJK, rare emoji): a full square. */
const MISSING_GLYPH_EM = 1;

const isZeroWidth = (codePoint: number) =>
  (codePoint >= 0x300 && codePoint <= 0x36f) || // combining diacritics
  (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || // variation selectors
  codePoint === 0x200d || // zero-width joiner
  (codePoint >= 0x200b && codePoint <= 0x200f) ||
  (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff); // skin tones

/** Width of `text` in px at `size`, from the bundled font's glyph advances (no kerning). */
export function measureText(text: string, size: number, weight: FontWeight = 'normal'): number {
  const advances = advancesOf(weight);
  let em = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const advance = advances.get(codePoint);
    if (advance !== undefined) em += advance;
    else if (!isZeroWidth(codePoint) && codePoint >= 32) em += MISSING_GLYPH_EM;
  }
  return em * size;
}

/** Whether the bundled font has a glyph for every code point of `text`. */
export function hasGlyphs(text: string, weight: FontWeight = 'normal'): boolean {
  const advances = advancesOf(weight);
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (!advances.has(codePoint) && !isZeroWidth(codePoint)) return false;
  }
  return true;
}

/** Vertical metrics in px for a font size: distance from the top of a line box to its baseline. */
export const ascentOf = (size: number) => (REGULAR.ascender / REGULAR.unitsPerEm) * size * 0.9;
