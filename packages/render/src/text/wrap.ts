import { measureText, type FontWeight } from './measure';

export interface WrapOptions {
  size: number;
  weight?: FontWeight;
  maxWidth: number;
  /** Lines beyond this are dropped and the last kept line ends with an ellipsis. */
  maxLines?: number;
}

const ELLIPSIS = '…';
const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
/** Scripts without spaces between words may break between any two characters. */
const BREAK_ANYWHERE = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u3000-\u303F\uFF00-\uFFEF]/u;

/** Splits into break opportunities: words with their trailing spaces, CJK characters alone. */
function tokenize(paragraph: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (const { segment } of segmenter.segment(paragraph)) {
    if (BREAK_ANYWHERE.test(segment)) {
      if (current) tokens.push(current);
      tokens.push(segment);
      current = '';
    } else if (/\s/u.test(segment)) {
      current += ' ';
      tokens.push(current);
      current = '';
    } else current += segment;
  }
  if (current) tokens.push(current);
  return tokens;
}

/** Breaks a word wider than the line into grapheme-safe pieces that fit. */
function splitLongWord(word: string, fits: (text: string) => boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of segmenter.segment(word)) {
    if (piece && !fits(piece + segment)) {
      pieces.push(piece);
      piece = '';
    }
    piece += segment;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

function wrapParagraph(paragraph: string, fits: (text: string) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of tokenize(paragraph)) {
    if (fits((line + token).trimEnd())) {
      line += token;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    if (fits(token.trimEnd())) line = token;
    else {
      const pieces = splitLongWord(token.trimEnd(), fits);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? '';
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

function withEllipsis(line: string, fits: (text: string) => boolean): string {
  const graphemes = [...segmenter.segment(line)].map((part) => part.segment);
  while (graphemes.length > 0 && !fits(graphemes.join('').trimEnd() + ELLIPSIS)) graphemes.pop();
  return graphemes.join('').trimEnd() + ELLIPSIS;
}

/**
 * Wraps text into lines no wider than `maxWidth` using the bundled font's metrics. Keeps hard
 * line breaks, breaks overlong words and CJK anywhere (never inside a grapheme cluster), and
 * ends a truncated text with an ellipsis.
 */
export function wrapText(text: string, options: WrapOptions): string[] {
  const { size, weight = 'normal', maxWidth, maxLines = Infinity } = options;
  const fits = (candidate: string) => measureText(candidate, size, weight) <= maxWidth;
  const normalized = text.replace(/\r\n?/g, '\n').replace(/[\t\f\v]/g, ' ');
  const lines = normalized.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, fits));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = withEllipsis(kept[kept.length - 1]!, fits);
  return kept;
}

/** Whether the text reads right to left (its first strong character is Hebrew or Arabic). */
export function isRightToLeft(text: string): boolean {
  const match =
    /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.exec(text);
  return match !== null && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(match[0]);
}
