/** A 1-based line and column in a text file (columns count UTF-16 code units, as editors do). */
export interface SourcePosition {
  line: number;
  col: number;
}

/** Where a node of a parsed document sits in its source text. */
export interface NodeLocation {
  /** Offset of the value. */
  value: number;
  /** Offset of the key when the node is an object member. */
  key?: number;
}

/**
 * Finds the location of a JSON pointer in the source. A pointer to a node that does not exist
 * (a missing required field) resolves to its deepest existing ancestor.
 */
export type PointerLocator = (pointer: string) => NodeLocation;

/** Splits a JSON pointer (`/cards/3/laneId`) into unescaped segments. */
export const pointerSegments = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));

/** Converts offsets into line/column positions with a precomputed table of line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): SourcePosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, col: clamped - this.starts[low]! + 1 };
  }
}
