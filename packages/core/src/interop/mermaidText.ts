/**
 * Mermaid's journey grammar ends a section or task name at ':' '#' ';' or a line break, and a
 * title or actor list at '#' ';'. Export swaps those characters for look-alikes that Mermaid
 * renders as-is, and import swaps them back, so names survive a round trip.
 */
const SWAPS: [string, string][] = [
  [':', '\uA789'], // MODIFIER LETTER COLON
  ['#', '\uFF03'], // FULLWIDTH NUMBER SIGN
  [';', '\uFF1B'], // FULLWIDTH SEMICOLON
  [',', '\u201A'], // SINGLE LOW-9 QUOTATION MARK (only in actor names, where ',' separates)
];

/** A task named like a statement ("section A") would be read as one; a word joiner in front prevents that. */
const WORD_JOINER = '\u2060';
const LOOKS_LIKE_STATEMENT = /^(journey|title|section|acc|%%)/i;

/** Makes text fit on one Mermaid line; `isActor` also protects the actor separator ','. */
export function toMermaidText(text: string, isActor = false): string {
  let out = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  for (const [plain, swapped] of SWAPS) {
    if (plain === ',' && !isActor) continue;
    out = out.split(plain).join(swapped);
  }
  return LOOKS_LIKE_STATEMENT.test(out) ? WORD_JOINER + out : out;
}

/** Reverses {@link toMermaidText}. */
export function fromMermaidText(text: string): string {
  let out = text.trim();
  if (out.startsWith(WORD_JOINER)) out = out.slice(1);
  for (const [plain, swapped] of SWAPS) out = out.split(swapped).join(plain);
  return out;
}

/** Emotion −2..+2 → Mermaid 1..5 (rounded, clamped). */
export const toMermaidScore = (score: number) => Math.min(5, Math.max(1, Math.round(score) + 3));
/** Mermaid 1..5 → emotion −2..+2. */
export const fromMermaidScore = (score: number) => score - 3;
