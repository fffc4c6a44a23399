import type { Layout, LayoutNode, TextNode } from '../layout/types';
import { directionRuns } from './bidi';
import { fontkitFont } from './fallbackFont';
import { NEEDS_SHAPING, type FontSet } from './fontCache';
import { fontRuns } from './fontRuns';

/** Part of a line drawn as a text of its own: one direction, one font file. */
interface Piece {
  text: string;
  isRightToLeft: boolean;
  file: string;
}

/** The line's direction runs in visual order, each split where the font changes. */
function piecesOf(line: string, fonts: FontSet, isBold: boolean): Piece[] {
  return directionRuns(line).flatMap(({ text, isRightToLeft }) =>
    fontRuns(text, isBold, fonts).map((run) => ({ text: run.text, isRightToLeft, file: run.font })),
  );
}

/** Width in layout px of `text` set in `file` at `size`, shaped (Arabic joining, ligatures). */
function shapedWidth(text: string, file: string, size: number): number {
  if (text === '') return 0;
  const font = fontkitFont(file);
  return (font.layout(text).advanceWidth * size) / font.unitsPerEm;
}

/** One line of `node` as texts placed one after the other, left to right. */
function placedPieces(node: TextNode, line: string, y: number, fonts: FontSet): TextNode[] {
  const pieces = piecesOf(line, fonts, node.weight === 'bold').map((piece) => {
    // resvg trims a text's outer white space: it is measured here, not drawn
    const [, leading = '', drawn = '', trailing = ''] = /^(\s*)(.*?)(\s*)$/su.exec(piece.text)!;
    const [first, last] = [leading, trailing].map((spaces) => shapedWidth(spaces, piece.file, node.size));
    // a right-to-left piece's typed-first spaces are on its right
    const before = piece.isRightToLeft ? last! : first!;
    return { ...piece, drawn, before, width: first! + shapedWidth(drawn, piece.file, node.size) + last! };
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
