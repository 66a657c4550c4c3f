import type { ArchGraph, ArchNode } from '../space/types';
import type { NetGraph } from './types';

/** The module a scope belongs to at the drawing's level: `cells.3.edges.1.first` → `cells.3`. */
function moduleOf(scope: string): string {
  const parts = scope.split('.');
  return /^\d+$/.test(parts[1] ?? '') ? `${parts[0]}.${parts[1]}` : parts[0]!;
}

/**
 * The network of a layer graph as the page draws it: one box per module (stem, each cell or
 * layer, head) with its output shape and weight count, linked where data flows between them. It
 * reads the same description the tfjs builder and the exporters read.
 */
export function drawLayers(graph: NetGraph): ArchGraph {
  const nodes: ArchNode[] = [{ id: 'input', label: 'input', kind: 'input', detail: `${graph.input.height}×${graph.input.width}×${graph.input.channels}` }];
  const seen = new Map<string, { params: number; shape: number[] }>();
  const owner = new Map<number, string>([[0, 'input']]);
  const edges = new Set<string>();
  for (const node of graph.nodes.slice(1)) {
    const id = moduleOf(node.scope);
    owner.set(node.id, id);
    const entry = seen.get(id) ?? { params: 0, shape: node.shape };
    entry.params += node.weights.filter((w) => w.trainable).reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
    entry.shape = node.shape;
    seen.set(id, entry);
    for (const input of node.inputs) {
      const from = owner.get(input)!;
      if (from !== id) edges.add(`${from}\u0000${id}`);
    }
  }
  for (const [id, { params, shape }] of seen) {
    nodes.push({
      id,
      label: id.replace('.', ' '),
      kind: id === 'head' ? 'output' : 'node',
      detail: `${shape.join('×')} · ${params.toLocaleString('en')} weights`,
    });
  }
  return { nodes, edges: [...edges].map((e) => e.split('\u0000')).map(([from, to]) => ({ from: from!, to: to! })) };
}
