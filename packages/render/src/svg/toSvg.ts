import type { Dash, Layout, LayoutNode, PathSegment } from '../layout/types';
import { getTheme, type Paint, type Theme } from '../theme/themes';
import { escapeXml } from './escapeXml';

/** Font stack: the bundled face first (PNG/PDF renderers get it explicitly), then close fallbacks. */
export const SVG_FONT_FAMILY = 'DejaVu Sans, Verdana, Arial, sans-serif';

export interface SvgOptions {
  /** CSS placed in a <style> element, e.g. an @font-face with the font as a data: URL. */
  fontFaceCss?: string;
  /** Draw only this region of the layout (layout units), e.g. one tile of a large PNG. */
  viewport?: { x: number; y: number; width: number; height: number };
}

/** Rounds to 2 decimals and prints without trailing zeros; never "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) || rounded === 0 ? '0' : String(rounded);
}

const DASH_ARRAYS: Record<Dash, string> = { dashed: '6 4', dotted: '1.5 3.5', dashdot: '9 3 2 3' };

function pathData(segments: PathSegment[]): string {
  return segments
    .map(
      (segment) => segment[0] + (segment.length > 1 ? (segment.slice(1) as number[]).map(num).join(' ') : ''),
    )
    .join('');
}

const attr = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${value}"`);

function paintAttrs(
  paint: Paint,
  mode: 'fill' | 'stroke' | 'both',
  strokeWidth?: number,
  dash?: Dash,
): string {
  let out = '';
  out += mode === 'stroke' ? ' fill="none"' : attr('fill', paint.fill ?? 'none');
  if (mode !== 'fill' && paint.stroke) {
    out += attr('stroke', paint.stroke) + attr('stroke-width', num(strokeWidth ?? 1));
    if (dash)
      out +=
        attr('stroke-dasharray', DASH_ARRAYS[dash]) + (dash === 'dotted' ? ' stroke-linecap="round"' : '');
  }
  if (paint.opacity !== undefined)
    out += attr(mode === 'stroke' ? 'stroke-opacity' : 'fill-opacity', num(paint.opacity));
  return out;
}

function nodeToSvg(node: LayoutNode, theme: Theme): string {
  const paint = theme.paints[node.style];
  const id = node.recordId === undefined ? '' : ` data-id="${escapeXml(node.recordId)}"`;
  switch (node.kind) {
    case 'rect': {
      const radius = node.radius ? ` rx="${num(node.radius)}"` : '';
      const mode = node.isOutline ? 'stroke' : 'both';
      return `<rect x="${num(node.x)}" y="${num(node.y)}" width="${num(node.width)}" height="${num(node.height)}"${radius}${paintAttrs(paint, mode, node.isOutline ? 1.5 : 1, node.dash)}${id}/>`;
    }
    case 'line':
      return `<line x1="${num(node.x1)}" y1="${num(node.y1)}" x2="${num(node.x2)}" y2="${num(node.y2)}"${paintAttrs({ stroke: paint.stroke ?? paint.fill }, 'stroke', node.width, node.dash)}/>`;
    case 'path': {
      const mode = node.width === undefined ? 'fill' : 'stroke';
      const fillPaint = mode === 'fill' ? { ...paint, fill: paint.fill ?? paint.stroke } : paint;
      return `<path d="${pathData(node.segments)}"${paintAttrs(fillPaint, mode, node.width, node.dash)}${id}/>`;
    }
    case 'circle':
      return `<circle cx="${num(node.cx)}" cy="${num(node.cy)}" r="${num(node.r)}"${paintAttrs(paint, 'both', 2)}${id}/>`;
    case 'text': {
      const head = `<text x="${num(node.x)}" y="${num(node.y)}" font-size="${num(node.size)}"${node.weight === 'bold' ? ' font-weight="bold"' : ''}${node.anchor === 'start' ? '' : ` text-anchor="${node.anchor}"`}${attr('fill', paint.fill)}${id}>`;
      const content = node.isRightToLeft ? rightToLeftLine : escapeXml;
      if (node.lines.length === 1) return `${head}${content(node.lines[0]!)}</text>`;
      const x = num(node.x);
      const spans = node.lines.map(
        (line, i) => `<tspan x="${x}" y="${num(node.y + i * node.lineHeight)}">${content(line)}</tspan>`,
      );
      return `${head}${spans.join('')}</text>`;
    }
  }
}

/**
 * A line of a right-to-left paragraph, wrapped in a right-to-left isolate (RLI … PDI). Renderers
 * order SVG text as a left-to-right paragraph by default, which puts the numbers and Latin words
 * of a Hebrew or Arabic sentence in the wrong places; `direction="rtl"` would fix that in browsers,
 * but resvg then anchors the text wrongly. The isolate gives both the order PDF output has.
 */
const rightToLeftLine = (line: string) => `&#x2067;${escapeXml(line)}&#x2069;`;

/**
 * Writes a layout as a standalone SVG document. Deterministic: the same layout and theme give
 * byte-identical output. Every user string passes through {@link escapeXml}; nothing references
 * external resources, so the file is safe to embed.
 */
export function toSvg(layout: Layout, theme: Theme = getTheme('light'), options: SvgOptions = {}): string {
  // A viewport is printed at full precision: tiles must line up to a fraction of a pixel.
  const view = options.viewport
    ? [options.viewport.x, options.viewport.y, options.viewport.width, options.viewport.height].map(String)
    : ['0', '0', num(layout.width), num(layout.height)];
  const [width, height] = [view[2], view[3]];
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${view.join(' ')}" font-family="${SVG_FONT_FAMILY}" role="img" data-theme="${theme.name}">`,
    `<title>${escapeXml(layout.title)}</title>`,
  ];
  if (layout.description) parts.push(`<desc>${escapeXml(layout.description)}</desc>`);
  if (options.fontFaceCss) parts.push(`<style>${escapeXml(options.fontFaceCss)}</style>`);
  for (const node of layout.nodes) parts.push(nodeToSvg(node, theme));
  parts.push('</svg>', '');
  return parts.join('\n');
}
