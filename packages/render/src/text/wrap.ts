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
/** Latin, Greek and Cyrillic without combining marks: every UTF-16 unit is its own grapheme. */
const SIMPLE_TEXT = /^[\u0020-\u007E\u00A0-\u02FF\u0370-\u052F]*$/;
/** Scripts without spaces between words may break between any two characters. */
const BREAK_ANYWHERE = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u3000-\u303F\uFF00-\uFFEF]/u;

/** Grapheme clusters; cheap for the common case of simple text. */
export const graphemesOf = (text: string): string[] =>
  SIMPLE_TEXT.test(text) ? text.split('') : Array.from(segmenter.segment(text), (part) => part.segment);

interface Token {
  /** The word without trailing space. */
  word: string;
  /** Whether a space follows the word. */
  isSpaced: boolean;
}

/** Splits into break opportunities: words (with whether a space follows), CJK characters alone. */
function tokenize(paragraph: string): Token[] {
  const tokens: Token[] = [];
  let current = '';
  const isSimple = SIMPLE_TEXT.test(paragraph);
  for (const grapheme of graphemesOf(paragraph)) {
    if (grapheme === ' ' || grapheme === '\u00A0' || (!isSimple && /^\s$/u.test(grapheme))) {
      tokens.push({ word: current, isSpaced: true });
      current = '';
    } else if (!isSimple && BREAK_ANYWHERE.test(grapheme)) {
      if (current) tokens.push({ word: current, isSpaced: false });
      tokens.push({ word: grapheme, isSpaced: false });
      current = '';
    } else current += grapheme;
  }
  if (current) tokens.push({ word: current, isSpaced: false });
  return tokens;
}

/** Breaks a word wider than the line into grapheme-safe pieces that fit. */
function splitLongWord(word: string, width: (text: string) => number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const grapheme of graphemesOf(word)) {
    const graphemeWidth = width(grapheme);
    if (piece && pieceWidth + graphemeWidth > maxWidth) {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += grapheme;
    pieceWidth += graphemeWidth;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy line filling; widths are summed per word (no kerning), so each word is measured once. */
function wrapParagraph(paragraph: string, width: (text: string) => number, maxWidth: number): string[] {
  const space = width(' ');
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let pendingSpace = false;
  for (const { word, isSpaced } of tokenize(paragraph)) {
    const wordWidth = width(word);
    const gap = pendingSpace && line ? space : 0;
    if (line && lineWidth + gap + wordWidth <= maxWidth) {
      line += (gap ? ' ' : '') + word;
      lineWidth += gap + wordWidth;
    } else {
      if (line) lines.push(line);
      if (wordWidth <= maxWidth) {
        line = word;
        lineWidth = wordWidth;
      } else {
        const pieces = splitLongWord(word, width, maxWidth);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? '';
        lineWidth = width(line);
      }
    }
    pendingSpace = isSpaced;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

function withEllipsis(line: string, width: (text: string) => number, maxWidth: number): string {
  const graphemes = graphemesOf(line);
  while (graphemes.length > 0 && width(graphemes.join('').trimEnd() + ELLIPSIS) > maxWidth) graphemes.pop();
  return graphemes.join('').trimEnd() + ELLIPSIS;
}

/**
 * Wraps text into lines no wider than `maxWidth` using the bundled font's metrics. Keeps hard
 * line breaks, collapses runs of spaces, breaks overlong words and CJK anywhere (never inside a
 * grapheme cluster), and ends a truncated text with an ellipsis.
 */
export function wrapText(text: string, options: WrapOptions): string[] {
  const { size, weight = 'normal', maxWidth, maxLines = Infinity } = options;
  const width = (candidate: string) => measureText(candidate, size, weight);
  const normalized = text.replace(/\r\n?/g, '\n').replace(/[\t\f\v]/g, ' ');
  const lines: string[] = [];
  for (const paragraph of normalized.split('\n')) {
    lines.push(...wrapParagraph(paragraph, width, maxWidth));
    if (lines.length > maxLines) break;
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = withEllipsis(kept[kept.length - 1]!, width, maxWidth);
  return kept;
}

/** Whether the text reads right to left (its first strong character is Hebrew or Arabic). */
export function isRightToLeft(text: string): boolean {
  const match =
    /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.exec(text);
  return match !== null && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(match[0]);
}
