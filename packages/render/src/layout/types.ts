import type { FontWeight } from '../text/measure';

/** Semantic paint keys; a theme turns each into colors (see theme/themes.ts). */
export type StyleKey =
  | 'canvas'
  | 'text'
  | 'text.muted'
  | 'text.strong'
  | 'text.onAccent'
  | 'panel'
  | 'panel.accent'
  | 'stage.header'
  | 'stage.header.alt'
  | 'stage.text'
  | 'step.header'
  | 'lane.header'
  | 'lane.band'
  | 'lane.band.alt'
  | 'grid.line'
  | `card.${CardColor}`
  | 'card.text'
  | 'card.assumption'
  | 'badge'
  | 'badge.evidence'
  | 'badge.assumption'
  | 'badge.priority'
  | 'badge.critical'
  | 'emotion.curve'
  | 'emotion.area'
  | 'emotion.zero'
  | `emotion.${EmotionLevel}`
  | 'emotion.face'
  | 'connection'
  | 'connection.label'
  | 'blueprint.line'
  | 'blueprint.label'
  | 'opportunity'
  | 'opportunity.votes'
  | 'footer';

export type CardColor = 'yellow' | 'orange' | 'red' | 'pink' | 'purple' | 'blue' | 'teal' | 'green' | 'gray';
export type EmotionLevel = 'm2' | 'm1' | 'z0' | 'p1' | 'p2';
export type Dash = 'dashed' | 'dotted' | 'dashdot';

/** One path command with absolute coordinates. */
export type PathSegment =
  | ['M', number, number]
  | ['L', number, number]
  | ['C', number, number, number, number, number, number]
  | ['Z'];

interface NodeBase {
  style: StyleKey;
  /** Record id this shape belongs to, for hit-testing and linking in the web app. */
  recordId?: string;
}

export interface RectNode extends NodeBase {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  radius?: number;
  dash?: Dash;
  /** Draw only the outline. */
  isOutline?: boolean;
}

export interface LineNode extends NodeBase {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width?: number;
  dash?: Dash;
}

export interface PathNode extends NodeBase {
  kind: 'path';
  segments: PathSegment[];
  /** Stroke width; a path without one is filled. */
  width?: number;
  dash?: Dash;
}

export interface CircleNode extends NodeBase {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
}

export interface TextNode extends NodeBase {
  kind: 'text';
  /** Anchor x: left edge, center or right edge depending on `anchor`. */
  x: number;
  /** Baseline of the first line. */
  y: number;
  lines: string[];
  size: number;
  weight: FontWeight;
  lineHeight: number;
  anchor: 'start' | 'middle' | 'end';
  /**
   * The text is a right-to-left paragraph (its first strong letter is Hebrew, Arabic…): each line
   * is ordered as one, whatever direction the renderer assumes for the document.
   */
  isRightToLeft?: boolean;
}

export type LayoutNode = RectNode | LineNode | PathNode | CircleNode | TextNode;

export interface ColumnBox {
  stageId: string;
  stepId?: string;
  x: number;
  width: number;
}

export interface RowBox {
  laneId: string;
  y: number;
  height: number;
}

/** The positioned map: plain numbers and strings, no markup. Draw order is array order. */
export interface Layout {
  width: number;
  height: number;
  title: string;
  description: string;
  columns: ColumnBox[];
  rows: RowBox[];
  nodes: LayoutNode[];
}

export interface LayoutOptions {
  /** Shown in the title block, e.g. "v12" or "2026.11". */
  version?: string;
  /** Shown in the title block; passed in because layout never reads the clock. */
  date?: string;
  /** Hide evidence badges (e.g. for a customer-facing poster). */
  hideEvidence?: boolean;
  /** Narrowest canvas in px (the header needs room). */
  minWidth?: number;
}
