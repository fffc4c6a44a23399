import type { Layout, LayoutNode } from '../layout/types';
import type { Paint, Theme } from '../theme/themes';
import { visualRuns } from './bidi';
import { fontRuns, type FaceFonts } from './fontRuns';

type Pdf = PDFKit.PDFDocument;

/** pdfkit's registered font names for the bundled face and its CJK fallback. */
export type PdfFonts = FaceFonts;

const DASHES = { dashed: [6, 4], dotted: [1.5, 3.5], dashdot: [9, 3, 2, 3] } as const;

function applyStroke(pdf: Pdf, paint: Paint, width: number, dash?: keyof typeof DASHES) {
  pdf.lineWidth(width).strokeColor(paint.stroke ?? paint.fill ?? '#000000');
  if (dash) {
    const [first, ...rest] = DASHES[dash];
    pdf.dash(first!, { space: rest[0] ?? first! });
    if (dash === 'dotted') pdf.lineCap('round');
  }
  if (paint.opacity !== undefined) pdf.strokeOpacity(paint.opacity);
}

function drawShape(pdf: Pdf, node: Exclude<LayoutNode, { kind: 'text' }>, paint: Paint) {
  pdf.save();
  switch (node.kind) {
    case 'rect': {
      const shape = () =>
        node.radius
          ? pdf.roundedRect(node.x, node.y, node.width, node.height, node.radius)
          : pdf.rect(node.x, node.y, node.width, node.height);
      if (!node.isOutline && paint.fill) {
        shape();
        if (paint.opacity !== undefined) pdf.fillOpacity(paint.opacity);
        pdf.fill(paint.fill);
      }
      if (paint.stroke) {
        applyStroke(pdf, paint, node.isOutline ? 1.5 : 1, node.dash);
        shape().stroke();
      }
      break;
    }
    case 'line':
      applyStroke(pdf, paint, node.width ?? 1, node.dash);
      pdf.moveTo(node.x1, node.y1).lineTo(node.x2, node.y2).stroke();
      break;
    case 'circle':
      pdf.circle(node.cx, node.cy, node.r);
      if (paint.fill && paint.stroke) pdf.lineWidth(2).fillAndStroke(paint.fill, paint.stroke);
      else if (paint.fill) pdf.fill(paint.fill);
      break;
    case 'path': {
      for (const segment of node.segments) {
        if (segment[0] === 'M') pdf.moveTo(segment[1], segment[2]);
        else if (segment[0] === 'L') pdf.lineTo(segment[1], segment[2]);
        else if (segment[0] === 'C')
          pdf.bezierCurveTo(segment[1], segment[2], segment[3], segment[4], segment[5], segment[6]);
        else pdf.closePath();
      }
      if (node.width === undefined) {
        if (paint.opacity !== undefined) pdf.fillOpacity(paint.opacity);
        pdf.fill(paint.fill ?? paint.stroke ?? '#000000');
      } else {
        applyStroke(pdf, paint, node.width, node.dash);
        pdf.stroke();
      }
      break;
    }
  }
  pdf.restore();
}

function drawText(pdf: Pdf, node: Extract<LayoutNode, { kind: 'text' }>, paint: Paint, fonts: PdfFonts) {
  pdf.fontSize(node.size).fillColor(paint.fill ?? '#000000');
  node.lines.forEach((line, i) => {
    if (!line) return;
    const runs = visualRuns(line).flatMap((run) => fontRuns(run.text, node.weight === 'bold', fonts));
    // measuring costs as much as drawing: only when the position depends on it
    const widths =
      node.anchor === 'start' && runs.length === 1
        ? [0]
        : runs.map((run) => pdf.font(run.font).widthOfString(run.text));
    const width = widths.reduce((sum, each) => sum + each, 0);
    let x = node.anchor === 'start' ? node.x : node.anchor === 'middle' ? node.x - width / 2 : node.x - width;
    runs.forEach((run, at) => {
      pdf.font(run.font).text(run.text, x, node.y + i * node.lineHeight, {
        lineBreak: false,
        baseline: 'alphabetic',
      });
      x += widths[at]!;
    });
  });
}

/**
 * Draws layout nodes straight onto a pdfkit page in layout units (the caller sets the transform).
 * Text is real PDF text in the registered fonts, so it can be selected and searched.
 */
export function drawLayout(pdf: Pdf, layout: Layout, theme: Theme, fonts: PdfFonts) {
  for (const node of layout.nodes) {
    const paint = theme.paints[node.style];
    if (node.kind === 'text') drawText(pdf, node, paint, fonts);
    else drawShape(pdf, node, paint);
  }
}
