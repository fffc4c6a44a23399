import { TrailmapError } from '@trailmap/schema';

/** ISO 216 and US paper sizes in PDF points (1/72 in), portrait. */
export const PAPER_SIZES = {
  A0: [2383.94, 3370.39],
  A1: [1683.78, 2383.94],
  A2: [1190.55, 1683.78],
  A3: [841.89, 1190.55],
  A4: [595.28, 841.89],
  letter: [612, 792],
  tabloid: [792, 1224],
} as const satisfies Record<string, readonly [number, number]>;

export type PaperName = keyof typeof PAPER_SIZES;
export const PAPER_NAMES = Object.keys(PAPER_SIZES) as PaperName[];

/** Case-insensitive lookup ("a1", "Letter"). @throws TrailmapError `UNKNOWN_PAPER` (400) */
export function paperByName(name: string): PaperName {
  const found = PAPER_NAMES.find((paper) => paper.toLowerCase() === name.toLowerCase());
  if (!found) {
    throw new TrailmapError(
      'UNKNOWN_PAPER',
      `unknown paper size "${name}"; choose one of ${PAPER_NAMES.join(', ')}`,
      {
        details: { paper: name, available: PAPER_NAMES },
      },
    );
  }
  return found;
}

export interface PageGeometry {
  pageWidth: number;
  pageHeight: number;
  margin: number;
  /** Points per layout px. */
  scale: number;
  /** Horizontal pages (tiles); 1 when the map fits on one sheet. */
  columns: number;
  /** Vertical pages. */
  rows: number;
}

/**
 * Fits a layout onto paper. When fitting the whole map on one sheet would shrink card text below
 * `minTextPt`, the map is printed at that size instead and split into tiles to tape together.
 */
export function pageGeometry(
  layout: { width: number; height: number },
  options: {
    paper: PaperName;
    orientation: 'landscape' | 'portrait';
    margin: number;
    minTextPt: number;
    tile: boolean;
  },
): PageGeometry {
  const [short, long] = PAPER_SIZES[options.paper];
  const [pageWidth, pageHeight] = options.orientation === 'landscape' ? [long, short] : [short, long];
  const contentWidth = pageWidth - 2 * options.margin;
  const contentHeight = pageHeight - 2 * options.margin;
  const fit = Math.min(contentWidth / layout.width, contentHeight / layout.height);
  const readable = options.minTextPt / 12; // card text is 12 px
  if (!options.tile || fit >= readable) {
    return { pageWidth, pageHeight, margin: options.margin, scale: fit, columns: 1, rows: 1 };
  }
  const scale = Math.min(readable, 0.75);
  return {
    pageWidth,
    pageHeight,
    margin: options.margin,
    scale,
    columns: Math.ceil((layout.width * scale) / contentWidth - 1e-9),
    rows: Math.ceil((layout.height * scale) / contentHeight - 1e-9),
  };
}
