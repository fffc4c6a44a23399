import { ascentOf, type FontWeight } from '../text/measure';
import { isRightToLeft, wrapText } from '../text/wrap';
import type { Dash, LayoutNode, PathSegment, StyleKey, TextNode } from './types';

/**
 * Type sizes and spacing shared by every part of the layout (px at 96 dpi). Exported as
 * `LAYOUT_METRICS` so screens can size cards exactly like posters.
 */
export const METRICS = {
  margin: 40,
  gap: 16,
  laneHeaderWidth: 188,
  minColumnWidth: 188,
  maxColumnWidth: 300,
  cardPadding: 10,
  cardGap: 8,
  cardText: 12,
  cardLine: 16,
  cardMaxLines: 14,
  badgeHeight: 18,
  badgeText: 10,
  emotionLaneHeight: 176,
  minLaneHeight: 64,
  collapsedLaneHeight: 32,
  /** Narrowest content (grid or header) width. */
  minContentWidth: 1200,
  /** Column widths are tried in these steps until the longest card fits in `comfortableLines`. */
  widthStep: 16,
  comfortableLines: 6,
} as const;

export interface TextOptions {
  size: number;
  weight?: FontWeight;
  lineHeight?: number;
  maxWidth: number;
  maxLines?: number;
  anchor?: TextNode['anchor'];
  recordId?: string;
}

/** Collects nodes in draw order; text helpers wrap with real metrics and report used height. */
export class Scene {
  readonly nodes: LayoutNode[] = [];

  rect(
    style: StyleKey,
    x: number,
    y: number,
    width: number,
    height: number,
    extra: { radius?: number; dash?: Dash; isOutline?: boolean; recordId?: string } = {},
  ) {
    this.nodes.push({ kind: 'rect', style, x, y, width, height, ...extra });
  }

  line(
    style: StyleKey,
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    extra: { width?: number; dash?: Dash } = {},
  ) {
    this.nodes.push({ kind: 'line', style, x1, y1, x2, y2, ...extra });
  }

  path(
    style: StyleKey,
    segments: PathSegment[],
    extra: { width?: number; dash?: Dash; recordId?: string } = {},
  ) {
    this.nodes.push({ kind: 'path', style, segments, ...extra });
  }

  circle(style: StyleKey, cx: number, cy: number, r: number, recordId?: string) {
    this.nodes.push({ kind: 'circle', style, cx, cy, r, ...(recordId ? { recordId } : {}) });
  }

  /**
   * Wraps and places text whose line box starts at `top`; returns the height used. Right-to-left
   * paragraphs are anchored at the right edge of the box so they read naturally.
   */
  text(style: StyleKey, text: string, x: number, top: number, options: TextOptions): number {
    const lineHeight = options.lineHeight ?? Math.round(options.size * 1.35);
    const lines = wrapText(text, options);
    if (lines.length === 0 || (lines.length === 1 && lines[0] === '')) return 0;
    let anchor = options.anchor ?? 'start';
    let anchorX =
      anchor === 'middle' ? x + options.maxWidth / 2 : anchor === 'end' ? x + options.maxWidth : x;
    if (anchor === 'start' && isRightToLeft(text)) {
      anchor = 'end';
      anchorX = x + options.maxWidth;
    }
    this.nodes.push({
      kind: 'text',
      style,
      x: anchorX,
      y: top + (lineHeight - options.size) / 2 + ascentOf(options.size),
      lines,
      size: options.size,
      weight: options.weight ?? 'normal',
      lineHeight,
      anchor,
      ...(options.recordId ? { recordId: options.recordId } : {}),
    });
    return lines.length * lineHeight;
  }

  /** Height `text` would take, without placing it. */
  static measure(text: string, options: TextOptions): number {
    const lineHeight = options.lineHeight ?? Math.round(options.size * 1.35);
    const lines = wrapText(text, options);
    return lines.length === 1 && lines[0] === '' ? 0 : lines.length * lineHeight;
  }
}
