import dagre from '@dagrejs/dagre';
import type { ArchGraph } from '../../core/space/types';

const NODE_W = 128;
const NODE_H = 40;

/** What dagre sees of a graph: its nodes, which edges join them and which carry an op label. */
export interface DagShape {
  cellLike: boolean;
  nodes: string[];
  edges: Array<[from: string, to: string, labelled: boolean]>;
}

export interface DagLayout {
  nodes: Map<string, { x: number; y: number }>;
  /** Per edge, in the graph's order: its route and where its op label sits. */
  edges: Array<{ points: Array<{ x: number; y: number }>; label?: { x: number; y: number } }>;
  width: number;
  height: number;
}

export function shapeOf(graph: ArchGraph, cellLike: boolean): DagShape {
  return { cellLike, nodes: graph.nodes.map((n) => n.id), edges: graph.edges.map((e) => [e.from, e.to, Boolean(e.op)]) };
}

export function shapeKey(shape: DagShape): string {
  return `${shape.cellLike ? 1 : 0}\u0003${shape.nodes.join('\u0001')}\u0003${shape.edges.map(([f, t, l]) => `${f}\u0002${t}\u0002${l ? 1 : 0}`).join('\u0001')}`;
}

/** dagre's layout of a shape, left to right. */
export function layOut({ cellLike, nodes, edges }: DagShape): DagLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: cellLike ? 40 : 22, ranksep: cellLike ? 90 : 46, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of nodes) g.setNode(id, { width: cellLike ? 76 : NODE_W, height: NODE_H });
  edges.forEach(([from, to, labelled], i) => g.setEdge(from, to, { width: labelled ? 100 : 0, height: labelled ? 20 : 0, labelpos: 'c' }, `e${i}`));
  dagre.layout(g);
  // dagre places each edge's label where it overlaps no node and no other label.
  return {
    nodes: new Map(nodes.map((id) => [id, { x: g.node(id).x, y: g.node(id).y }])),
    edges: edges.map(([from, to], i) => {
      const laid = g.edge({ v: from, w: to, name: `e${i}` }) as { points: Array<{ x: number; y: number }>; x?: number; y?: number };
      return { points: laid.points, label: laid.x !== undefined && laid.y !== undefined ? { x: laid.x, y: laid.y } : undefined };
    }),
    width: g.graph().width ?? 0,
    height: g.graph().height ?? 0,
  };
}

/**
 * Layouts remembered by shape: a one-shot search redraws its derived cell every epoch, mostly with
 * the same shape and new ops, and the focus and best panels often show the same graph; a layout
 * took 40–150 ms of the page's main thread each time.
 */
const cache = new Map<string, DagLayout>();
const KEEP = 64;

export function remember(shape: DagShape, layout: DagLayout): DagLayout {
  const key = shapeKey(shape);
  // Most recently used last, so the oldest goes first when the cache is full.
  cache.delete(key);
  cache.set(key, layout);
  if (cache.size > KEEP) cache.delete(cache.keys().next().value!);
  return layout;
}

export function knownLayout(shape: DagShape): DagLayout | undefined {
  const known = cache.get(shapeKey(shape));
  return known && remember(shape, known);
}

/** The layout of a graph now, from the cache or laid out here. */
export function dagreLayout(graph: ArchGraph, cellLike: boolean): DagLayout {
  const shape = shapeOf(graph, cellLike);
  return knownLayout(shape) ?? remember(shape, layOut(shape));
}
