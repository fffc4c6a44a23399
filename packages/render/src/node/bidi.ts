import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Hebrew, Arabic and their presentation forms: lines without these need no reordering. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** A stretch of a line that reads in one direction, in the order it is drawn (left to right). */
export interface VisualRun {
  /** The characters in logical (typed) order. */
  text: string;
  isRightToLeft: boolean;
}

/**
 * Splits a line into runs of one direction in visual (left-to-right drawing) order, with the
 * Unicode bidi algorithm and the paragraph direction from the first strong character. Each run
 * keeps its characters in logical (typed) order.
 */
export function directionRuns(line: string): VisualRun[] {
  if (!RIGHT_TO_LEFT.test(line)) return [{ text: line, isRightToLeft: false }];
  const embedding = bidi.getEmbeddingLevels(line);
  const order = Array.from({ length: line.length }, (_, i) => i);
  for (const [start, end] of bidi.getReorderSegments(line, embedding)) {
    order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
  }
  const runs: { indices: number[]; level: number }[] = [];
  for (const index of order) {
    const level = embedding.levels[index]!;
    const last = runs[runs.length - 1];
    const previous = last?.indices[last.indices.length - 1];
    const step = level % 2 === 1 ? -1 : 1;
    if (last && last.level === level && previous! + step === index) last.indices.push(index);
    else runs.push({ indices: [index], level });
  }
  return runs.map(({ indices, level }) => ({
    text: line.slice(Math.min(...indices), Math.max(...indices) + 1),
    isRightToLeft: level % 2 === 1,
  }));
}

/**
 * Splits a line into runs in visual order for pdfkit (see `directionRuns`). Right-to-left words
 * keep logical order: fontkit shapes them (Arabic joining) and mirrors their glyphs itself.
 */
export function visualRuns(line: string): VisualRun[] {
  return directionRuns(line).flatMap((run): VisualRun[] => {
    if (!run.isRightToLeft) return [run];
    // pdfkit lays out word by word, left to right, and fontkit mirrors only within a word: so
    // the words of a right-to-left run are handed over last first. A word without
    // right-to-left letters (punctuation) is not mirrored by fontkit, so it is mirrored here.
    return run.text
      .split(/(\s+)/u)
      .filter((token) => token !== '')
      .reverse()
      .map((token) => ({
        text: RIGHT_TO_LEFT.test(token) ? token : [...token].reverse().join(''),
        isRightToLeft: true,
      }));
  });
}
