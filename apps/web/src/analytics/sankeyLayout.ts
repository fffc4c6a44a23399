import type { VisibleDfg } from './dfgFilter';

export const START_NODE = '▶ start';
export const END_NODE = '■ end';

export interface SankeyNode {
  id: string;
  kind: 'start' | 'end' | 'activity';
  count: number;
  column: number;
  x: number;
  y: number;
  height: number;
}

export interface SankeyLink {
  from: string;
  to: string;
  count: number;
  thickness: number;
  /** Top of the band where it leaves the source and where it enters the target. */
  sourceY: number;
  targetY: number;
  /** Goes back (or stays) in the column order: a loop or rework, drawn under the graph. */
  isBack: boolean;
  path: string;
}

export interface SankeyLayout {
  width: number;
  height: number;
  nodes: SankeyNode[];
  links: SankeyLink[];
}

export interface SankeyOptions {
  width: number;
  height: number;
  nodeWidth?: number;
  gap?: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Edges that close a cycle, found by depth-first search from the start activities (busiest
 * first, then by name) so the choice is deterministic; the rest form a DAG.
 */
function backEdges(graph: VisibleDfg): Set<string> {
  const out = new Map<string, { to: string; count: number }[]>();
  for (const edge of graph.edges) out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  for (const list of out.values())
    list.sort((a, b) => b.count - a.count || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  const visit = (node: string) => {
    state.set(node, 'open');
    for (const { to } of out.get(node) ?? []) {
      const seen = state.get(to);
      if (seen === 'open') back.add(`${node}\u0000${to}`);
      else if (!seen) visit(to);
    }
    state.set(node, 'done');
  };
  for (const { name } of graph.start) if (!state.has(name)) visit(name);
  for (const { name } of graph.activities) if (!state.has(name)) visit(name);
  return back;
}

/** Column of each activity: the longest forward path to it from the start (start is column 0). */
function columnsOf(graph: VisibleDfg, back: Set<string>): Map<string, number> {
  const forward = graph.edges.filter((edge) => !back.has(`${edge.from}\u0000${edge.to}`));
  const indegree = new Map(graph.activities.map((a) => [a.name, 0]));
  for (const edge of forward) indegree.set(edge.to, indegree.get(edge.to)! + 1);
  const column = new Map(graph.activities.map((a) => [a.name, 1]));
  const queue = graph.activities.filter((a) => indegree.get(a.name) === 0).map((a) => a.name);
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const edge of forward) {
      if (edge.from !== node) continue;
      column.set(edge.to, Math.max(column.get(edge.to)!, column.get(node)! + 1));
      indegree.set(edge.to, indegree.get(edge.to)! - 1);
      if (indegree.get(edge.to) === 0) queue.push(edge.to);
    }
  }
  return column;
}

/**
 * Lays out a Sankey diagram of the visible DFG: a start node, activities in columns by their
 * longest forward path, an end node. Heights are proportional to counts with one scale for all
 * columns (the fullest column fills the height); each column is centred vertically, nodes sorted
 * by count. Bands stack on a node's side in the order of the other end's position.
 */
export function layoutSankey(graph: VisibleDfg, options: SankeyOptions): SankeyLayout {
  const { width, height } = options;
  const nodeWidth = options.nodeWidth ?? 12;
  const gap = options.gap ?? 12;
  const back = backEdges(graph);
  const columns = columnsOf(graph, back);
  const lastActivityColumn = Math.max(0, ...columns.values());
  const endColumn = lastActivityColumn + 1;
  const sum = (list: { count: number }[]) => list.reduce((total, item) => total + item.count, 0);
  const raw: Omit<SankeyNode, 'x' | 'y' | 'height'>[] = [
    ...(graph.start.length > 0
      ? [{ id: START_NODE, kind: 'start' as const, count: sum(graph.start), column: 0 }]
      : []),
    ...graph.activities.map((a) => ({
      id: a.name,
      kind: 'activity' as const,
      count: a.count,
      column: columns.get(a.name)!,
    })),
    ...(graph.end.length > 0
      ? [{ id: END_NODE, kind: 'end' as const, count: sum(graph.end), column: endColumn }]
      : []),
  ];
  const byColumn = new Map<number, typeof raw>();
  for (const node of raw) byColumn.set(node.column, [...(byColumn.get(node.column) ?? []), node]);
  let scale = Infinity;
  for (const list of byColumn.values()) {
    const total = sum(list);
    if (total > 0) scale = Math.min(scale, (height - gap * (list.length - 1)) / total);
  }
  if (!Number.isFinite(scale)) scale = 0;
  const step = endColumn > 0 ? (width - nodeWidth) / endColumn : 0;
  const nodes: SankeyNode[] = [];
  for (const [column, list] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const used = sum(list) * scale + gap * (list.length - 1);
    let y = (height - used) / 2;
    for (const node of list) {
      const nodeHeight = node.count * scale;
      nodes.push({ ...node, x: round(column * step), y: round(y), height: round(nodeHeight) });
      y += nodeHeight + gap;
    }
  }
  return { width, height, nodes, links: linksOf(graph, nodes, back, scale, nodeWidth, height) };
}

function linksOf(
  graph: VisibleDfg,
  nodes: SankeyNode[],
  back: Set<string>,
  scale: number,
  nodeWidth: number,
  height: number,
): SankeyLink[] {
  const node = new Map(nodes.map((n) => [n.id, n]));
  const all = [
    ...graph.start.map((s) => ({ from: START_NODE, to: s.name, count: s.count })),
    ...graph.edges,
    ...graph.end.map((e) => ({ from: e.name, to: END_NODE, count: e.count })),
  ].map((edge) => ({ ...edge, isBack: back.has(`${edge.from}\u0000${edge.to}`) }));
  const position = (n: SankeyNode) => [n.y, n.x] as const;
  const compare = (a: readonly [number, number], b: readonly [number, number]) => a[0] - b[0] || a[1] - b[1];
  // Forward bands first, in the order of the other end's position; loops after them.
  const order = (key: 'from' | 'to') => (a: (typeof all)[number], b: (typeof all)[number]) =>
    Number(a.isBack) - Number(b.isBack) || compare(position(node.get(a[key])!), position(node.get(b[key])!));
  const sourceY = new Map<(typeof all)[number], number>();
  const targetY = new Map<(typeof all)[number], number>();
  for (const n of nodes) {
    let y = n.y;
    for (const edge of all.filter((e) => e.from === n.id).sort(order('to'))) {
      sourceY.set(edge, y);
      y += edge.count * scale;
    }
    y = n.y;
    for (const edge of all.filter((e) => e.to === n.id).sort(order('from'))) {
      targetY.set(edge, y);
      y += edge.count * scale;
    }
  }
  return all.map((edge) => {
    const thickness = edge.count * scale;
    const from = node.get(edge.from)!;
    const to = node.get(edge.to)!;
    const sy = sourceY.get(edge)! + thickness / 2;
    const ty = targetY.get(edge)! + thickness / 2;
    const sx = from.x + nodeWidth;
    const tx = to.x;
    let path: string;
    if (edge.isBack) {
      // Loops leave to the right, pass under the graph and come back in from the left.
      const below = height + 16;
      path = `M${round(sx)} ${round(sy)} C${round(sx + 40)} ${round(below)} ${round(tx - 40)} ${round(below)} ${round(tx)} ${round(ty)}`;
    } else {
      const mid = (sx + tx) / 2;
      path = `M${round(sx)} ${round(sy)} C${round(mid)} ${round(sy)} ${round(mid)} ${round(ty)} ${round(tx)} ${round(ty)}`;
    }
    return {
      from: edge.from,
      to: edge.to,
      count: edge.count,
      thickness: round(thickness),
      sourceY: round(sourceY.get(edge)!),
      targetY: round(targetY.get(edge)!),
      isBack: edge.isBack,
      path,
    };
  });
}
