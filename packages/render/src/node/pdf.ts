import PDFDocument from 'pdfkit';
import { layoutCuller } from '../layout/cull';
import type { Layout } from '../layout/types';
import { pageGeometry, type PaperName } from '../paper';
import type { Theme } from '../theme/themes';
import { fontSetFor } from './fontCache';
import { drawLayout, type PdfFonts } from './pdfDraw';

export interface PdfOptions {
  paper?: PaperName;
  /** Default `auto`: landscape for maps wider than tall. */
  orientation?: 'landscape' | 'portrait' | 'auto';
  /** Page margin in points; default 28 (about 1 cm). */
  margin?: number;
  /** Smallest acceptable card text size in points before the map is tiled; default 7. */
  minTextPt?: number;
  /** Split a map too wide for one sheet over several pages; default true. */
  tile?: boolean;
  /** Written into the PDF's metadata instead of the clock, so output is reproducible. */
  date?: string;
}

const REGULAR = 'TrailmapSans';
const BOLD = 'TrailmapSans-Bold';
const CJK_REGULAR = 'TrailmapCJK';
const CJK_BOLD = 'TrailmapCJK-Bold';

/**
 * Draws a layout onto real paper (default A3) with pdfkit. Text stays text (selectable and
 * searchable) in the bundled font, so non-Latin-1 scripts render. Maps too large to read on one
 * sheet are tiled; each tile draws only the shapes that reach into it.
 */
export function layoutToPdf(layout: Layout, theme: Theme, options: PdfOptions = {}): Promise<Buffer> {
  const geometry = pageGeometry(layout, {
    paper: options.paper ?? 'A3',
    orientation:
      !options.orientation || options.orientation === 'auto'
        ? layout.width >= layout.height
          ? 'landscape'
          : 'portrait'
        : options.orientation,
    margin: options.margin ?? 28,
    minTextPt: options.minTextPt ?? 7,
    tile: options.tile ?? true,
  });
  const created = new Date(`${options.date ?? '2000-01-01'}T00:00:00Z`);
  const pdf = new PDFDocument({
    size: [geometry.pageWidth, geometry.pageHeight],
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: layout.title,
      Creator: 'Trailmap',
      Producer: 'Trailmap',
      CreationDate: created,
      ModDate: created,
    },
  });
  const text = layout.nodes.map((node) => (node.kind === 'text' ? node.lines.join('') : '')).join('');
  const files = fontSetFor(text);
  pdf.registerFont(REGULAR, files.regular);
  pdf.registerFont(BOLD, files.bold);
  if (files.fallback) {
    pdf.registerFont(CJK_REGULAR, files.fallback.regular);
    pdf.registerFont(CJK_BOLD, files.fallback.bold);
  }
  const fonts: PdfFonts = {
    regular: REGULAR,
    bold: BOLD,
    ...(files.fallback
      ? { fallback: { regular: CJK_REGULAR, bold: CJK_BOLD, characters: files.fallback.characters } }
      : {}),
  };
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const { margin, scale } = geometry;
  const contentWidth = geometry.pageWidth - 2 * margin;
  const contentHeight = geometry.pageHeight - 2 * margin;
  const isTiled = geometry.columns * geometry.rows > 1;
  const cull = isTiled ? layoutCuller(layout) : undefined;
  for (let row = 0; row < geometry.rows; row++) {
    for (let column = 0; column < geometry.columns; column++) {
      pdf.addPage();
      pdf.save();
      pdf.rect(margin, margin, contentWidth, contentHeight).clip();
      const offsetX = isTiled
        ? margin - column * contentWidth
        : margin + (contentWidth - layout.width * scale) / 2;
      const offsetY = isTiled ? margin - row * contentHeight : margin;
      const visible = cull
        ? cull({
            x: (column * contentWidth) / scale,
            y: (row * contentHeight) / scale,
            width: contentWidth / scale,
            height: contentHeight / scale,
          })
        : layout;
      pdf.translate(offsetX, offsetY).scale(scale);
      drawLayout(pdf, visible, theme, fonts);
      pdf.restore();
      if (isTiled) {
        const label = `${layout.title} · page ${row * geometry.columns + column + 1} of ${geometry.columns * geometry.rows} (row ${row + 1}, column ${column + 1})`;
        pdf
          .font(REGULAR)
          .fontSize(7)
          .fillColor('#777777')
          .text(label, margin, geometry.pageHeight - margin + 8, { lineBreak: false });
      }
    }
  }
  pdf.end();
  return done;
}
