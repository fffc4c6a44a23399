import { measureText } from '../text/measure';
import type { Layout, LayoutNode } from './types';

export interface Viewport {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A box that surely contains the node (text is measured; curves use their control points). */
export function boundsOf(node: LayoutNode): [number, number, number, number] {
  switch (node.kind) {
    case 'rect':
      return [node.x, node.y, node.x + node.width, node.y + node.height];
    case 'line':
      return [
        Math.min(node.x1, node.x2),
        Math.min(node.y1, node.y2),
        Math.max(node.x1, node.x2),
        Math.max(node.y1, node.y2),
      ];
    case 'circle':
      return [node.cx - node.r, node.cy - node.r, node.cx + node.r, node.cy + node.r];
    case 'path': {
      const xs: number[] = [];
      const ys: number[] = [];
      for (const segment of node.segments) {
        for (let i = 1; i < segment.length; i += 2) {
          xs.push(segment[i] as number);
          ys.push(segment[i + 1] as number);
        }
      }
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    }
    case 'text': {
      const width = Math.max(0, ...node.lines.map((line) => measureText(line, node.size, node.weight)));
      const left =
        node.anchor === 'start' ? node.x : node.anchor === 'middle' ? node.x - width / 2 : node.x - width;
      return [left, node.y - node.size, left + width, node.y + node.lines.length * node.lineHeight];
    }
  }
}

/**
 * A function giving the layout with only the nodes that reach into a viewport (for tiles of a
 * large poster); bounds are measured once, so cutting many tiles stays cheap.
 */
export function layoutCuller(layout: Layout, slack = 4): (viewport: Viewport) => Layout {
  const bounds = layout.nodes.map(boundsOf);
  return (viewport) => {
    const [left, top] = [viewport.x - slack, viewport.y - slack];
    const [right, bottom] = [viewport.x + viewport.width + slack, viewport.y + viewport.height + slack];
    return {
      ...layout,
      nodes: layout.nodes.filter((_, i) => {
        const [x1, y1, x2, y2] = bounds[i]!;
        return x2 >= left && x1 <= right && y2 >= top && y1 <= bottom;
      }),
    };
  };
}

/** The layout with only the nodes that reach into `viewport` (for tiles of a large poster). */
export function cullLayout(layout: Layout, viewport: Viewport, slack = 4): Layout {
  return layoutCuller(layout, slack)(viewport);
}
