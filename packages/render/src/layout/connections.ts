import type { Connection } from '@trailmap/schema';
import { measureText } from '../text/measure';
import { wrapText } from '../text/wrap';
import type { Scene } from './scene';
import type { Dash, PathSegment } from './types';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Point = [number, number];

const DASHES: Record<Connection['kind'], Dash | undefined> = {
  direct: undefined,
  bidirectional: undefined,
  'controlled-evaluation': 'dashed',
  'open-exploration': 'dotted',
};

/** Anchor points and exit directions between two card boxes: sideways when apart, else vertical. */
function anchors(from: Box, to: Box): { start: Point; end: Point; startDir: Point; endDir: Point } {
  if (to.x >= from.x + from.width) {
    return {
      start: [from.x + from.width, from.y + from.height / 2],
      end: [to.x, to.y + to.height / 2],
      startDir: [1, 0],
      endDir: [-1, 0],
    };
  }
  if (to.x + to.width <= from.x) {
    return {
      start: [from.x, from.y + from.height / 2],
      end: [to.x + to.width, to.y + to.height / 2],
      startDir: [-1, 0],
      endDir: [1, 0],
    };
  }
  if (to.y >= from.y + from.height) {
    return {
      start: [from.x + from.width / 2, from.y + from.height],
      end: [to.x + to.width / 2, to.y],
      startDir: [0, 1],
      endDir: [0, -1],
    };
  }
  return {
    start: [from.x + from.width / 2, from.y],
    end: [to.x + to.width / 2, to.y + to.height],
    startDir: [0, -1],
    endDir: [0, 1],
  };
}

/** A filled triangle whose tip is `tip`, pointing away from `from`. */
function arrowHead(tip: Point, from: Point): PathSegment[] {
  const [dx, dy] = [tip[0] - from[0], tip[1] - from[1]];
  const length = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / length, dy / length];
  const [size, half] = [9, 4.5];
  const base: Point = [tip[0] - ux * size, tip[1] - uy * size];
  return [
    ['M', tip[0], tip[1]],
    ['L', base[0] - uy * half, base[1] + ux * half],
    ['L', base[0] + uy * half, base[1] - ux * half],
    ['Z'],
  ];
}

/**
 * Draws a touchpoint connection as a cubic curve between card edges. Kinds differ by line and
 * heads: direct → one arrow, bidirectional → arrows at both ends, controlled evaluation → dashed,
 * open exploration → dotted.
 */
export function drawConnection(scene: Scene, connection: Connection, from: Box, to: Box) {
  const { start, end, startDir, endDir } = anchors(from, to);
  const reach = Math.max(24, Math.hypot(end[0] - start[0], end[1] - start[1]) / 3);
  const c1: Point = [start[0] + startDir[0] * reach, start[1] + startDir[1] * reach];
  const c2: Point = [end[0] + endDir[0] * reach, end[1] + endDir[1] * reach];
  const dash = DASHES[connection.kind];
  scene.path(
    'connection',
    [
      ['M', ...start],
      ['C', ...c1, ...c2, ...end],
    ],
    {
      width: 1.75,
      recordId: connection.id,
      ...(dash ? { dash } : {}),
    },
  );
  scene.path('connection', arrowHead(end, c2));
  if (connection.kind === 'bidirectional') scene.path('connection', arrowHead(start, c1));
  if (connection.label) {
    const mid: Point = [
      (start[0] + 3 * c1[0] + 3 * c2[0] + end[0]) / 8,
      (start[1] + 3 * c1[1] + 3 * c2[1] + end[1]) / 8,
    ];
    const label = wrapText(connection.label, { size: 10, maxWidth: 160, maxLines: 1 })[0] ?? '';
    const width = measureText(label, 10) + 12;
    scene.rect('connection.label', mid[0] - width / 2, mid[1] - 9, width, 18, { radius: 9 });
    scene.nodes.push({
      kind: 'text',
      style: 'text',
      x: mid[0],
      y: mid[1] + 3.5,
      lines: [label],
      size: 10,
      weight: 'normal',
      lineHeight: 18,
      anchor: 'middle',
    });
  }
}
