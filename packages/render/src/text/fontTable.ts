/** Advance widths of one font face, as extracted by scripts/generateMetrics.ts. */
export interface FontTable {
  unitsPerEm: number;
  ascender: number;
  descender: number;
  /** Runs of consecutive code points, base 36: `first:advance,advance;first:advance…`. */
  runs: string;
}
