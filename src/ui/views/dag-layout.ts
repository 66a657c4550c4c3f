import dagre from '@dagrejs/dagre';
import type { ArchGraph } from '../../core/space/types';

const NODE_W = 128;
const NODE_H = 40;

export interface DagLayout {
  nodes: Map<string, { x: number; y: number }>;
  /** Per edge, in the graph's order: its route and where its op label sits. */
  edges: Array<{ points: Array<{ x: number; y: number }>; label?: { x: number; y: number } }>;
  width: number;
  height: number;
}

/**
 * dagre's layout of a graph, remembered by the graph's shape: the nodes, which edges join them and
 * which carry an op label (the sizes dagre sees). A one-shot search redraws its derived cell every
 * epoch, mostly with the same shape and new ops, and the focus and best panels often show the same
 * graph; a layout took 40–150 ms of the page's main thread each time.
 */
const cache = new Map<string, DagLayout>();
const KEEP = 64;

export function shapeKey(graph: ArchGraph, cellLike: boolean): string {
  const nodes = graph.nodes.map((n) => n.id).join('\u0001');
  const edges = graph.edges.map((e) => `${e.from}\u0002${e.to}\u0002${e.op ? 1 : 0}`).join('\u0001');
  return `${cellLike ? 1 : 0}\u0003${nodes}\u0003${edges}`;
}

export function dagreLayout(graph: ArchGraph, cellLike: boolean): DagLayout {
  const key = shapeKey(graph, cellLike);
  const known = cache.get(key);
  if (known) {
    // Most recently used last, so the oldest goes first when the cache is full.
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: cellLike ? 40 : 22, ranksep: cellLike ? 90 : 46, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width: cellLike ? 76 : NODE_W, height: NODE_H });
  graph.edges.forEach((e, i) => g.setEdge(e.from, e.to, { width: e.op ? 100 : 0, height: e.op ? 20 : 0, labelpos: 'c' }, `e${i}`));
  dagre.layout(g);
  // dagre places each edge's label where it overlaps no node and no other label.
  const layout: DagLayout = {
    nodes: new Map(graph.nodes.map((n) => [n.id, { x: g.node(n.id).x, y: g.node(n.id).y }])),
    edges: graph.edges.map((e, i) => {
      const laid = g.edge({ v: e.from, w: e.to, name: `e${i}` }) as { points: Array<{ x: number; y: number }>; x?: number; y?: number };
      return { points: laid.points, label: laid.x !== undefined && laid.y !== undefined ? { x: laid.x, y: laid.y } : undefined };
    }),
    width: g.graph().width ?? 0,
    height: g.graph().height ?? 0,
  };
  cache.set(key, layout);
  if (cache.size > KEEP) cache.delete(cache.keys().next().value!);
  return layout;
}
