import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import type { Layout, LayoutNode, TextNode } from '../layout/types';
import { directionRuns } from './bidi';
import { NEEDS_SHAPING, type FontSet } from './fontCache';
import { heldWhileInUse } from './heldWhileInUse';

const parsedFont = heldWhileInUse((file: string): Font => create(readFileSync(file)));

/** Part of a line drawn as a text of its own: one direction, one font. */
interface Piece {
  text: string;
  isRightToLeft: boolean;
  file: string;
}

/** Splits a direction run where the font changes (the CJK fallback has no Arabic, and so on). */
function piecesOf(line: string, fonts: FontSet, isBold: boolean): Piece[] {
  const fallback = fonts.fallback!;
  const [primary, secondary] = isBold ? [fonts.bold, fallback.bold] : [fonts.regular, fallback.regular];
  const pieces: Piece[] = [];
  for (const run of directionRuns(line)) {
    for (const char of run.text) {
      const file = fallback.characters.has(char) ? secondary : primary;
      const last = pieces[pieces.length - 1];
      // spaces stay with the piece they follow: they are measured, never drawn on their own
      if (last && last.isRightToLeft === run.isRightToLeft && (last.file === file || /\s/u.test(char))) {
        last.text += char;
      } else {
        pieces.push({ text: char, isRightToLeft: run.isRightToLeft, file });
      }
    }
  }
  return pieces;
}

/** Width in layout px of `text` set in `file` at `size`, shaped (Arabic joining, ligatures). */
function shapedWidth(text: string, file: string, size: number): number {
  if (text === '') return 0;
  const font = parsedFont(file);
  return (font.layout(text).advanceWidth * size) / font.unitsPerEm;
}

/**
 * Width of a piece's text: spaces as the bundled face sets them (the CJK fallback has none;
 * resvg takes them from the bundled face), everything else in the piece's font.
 */
function pieceWidth(text: string, file: string, primary: string, size: number): number {
  return text
    .split(/(\s+)/u)
    .reduce((sum, part) => sum + shapedWidth(part, /^\s/u.test(part) ? primary : file, size), 0);
}

/** One line of `node` as texts placed one after the other, left to right. */
function placedPieces(node: TextNode, line: string, y: number, fonts: FontSet): TextNode[] {
  const primary = node.weight === 'bold' ? fonts.bold : fonts.regular;
  const pieces = piecesOf(line, fonts, node.weight === 'bold').map((piece) => {
    const [, leading = '', drawn = '', trailing = ''] = /^(\s*)(.*?)(\s*)$/su.exec(piece.text)!;
    const first = shapedWidth(leading, primary, node.size);
    const last = shapedWidth(trailing, primary, node.size);
    // a right-to-left piece's typed-first spaces are on its right
    const before = piece.isRightToLeft ? last : first;
    return {
      ...piece,
      drawn,
      before,
      width: first + pieceWidth(drawn, piece.file, primary, node.size) + last,
    };
  });
  const total = pieces.reduce((sum, piece) => sum + piece.width, 0);
  let x = node.anchor === 'end' ? node.x - total : node.anchor === 'middle' ? node.x - total / 2 : node.x;
  const placed: TextNode[] = [];
  for (const piece of pieces) {
    if (piece.drawn !== '') {
      placed.push({
        ...node,
        lines: [piece.drawn],
        x: x + piece.before,
        y,
        anchor: 'start',
        isRightToLeft: piece.isRightToLeft,
      });
    }
    x += piece.width;
  }
  return placed;
}

/**
 * resvg gives up on font fallback in a line that two fonts shape into different glyph counts,
 * as Arabic ligatures next to CJK do: the CJK comes out as boxes. In maps that keep the full
 * font for Arabic (so CJK comes from a separate fallback face), such lines are cut into pieces
 * of one direction and one font, in visual order, each a text of its own placed by the width
 * fontkit shapes it to. Other lines are left as they are.
 */
export function splitMixedScriptLines(layout: Layout, fonts: FontSet): Layout {
  const fallback = fonts.fallback;
  if (!fallback) return layout;
  const isMixed = (line: string) =>
    NEEDS_SHAPING.test(line) && [...line].some((char) => fallback.characters.has(char));
  const hasMixedLine = (node: LayoutNode): node is TextNode =>
    node.kind === 'text' && node.lines.some(isMixed);
  if (!layout.nodes.some(hasMixedLine)) return layout;
  const nodes = layout.nodes.flatMap((node): LayoutNode[] => {
    if (!hasMixedLine(node)) return [node];
    return node.lines.flatMap((line, index) => {
      const y = node.y + index * node.lineHeight;
      return isMixed(line) ? placedPieces(node, line, y, fonts) : [{ ...node, lines: [line], y }];
    });
  });
  return { ...layout, nodes };
}
