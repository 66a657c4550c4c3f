import type { ArchGraph, SearchEdgeRef, SearchSpace } from '../../core/space/types';
import type { Supernet } from '../../nn/supernet/index';
import type { AlphaSnapshot } from '../../contracts/events';
import { betaSnapshot, trellisWeights } from './beta-view';
import type { ArchView } from './method';

/** α (or the controller's frequencies) for the heat map: with the share on parameter-free ops, and the genotype it gives. */
export function snapshotOf(
  view: ArchView,
  supernet: Supernet,
  epoch: number,
  stage: number,
  allowed: boolean[][],
  derived: unknown,
  space: SearchSpace,
): AlphaSnapshot {
  const free = view.probs.reduce((s, row) => s + row.reduce((t, p, k) => t + (supernet.parameterFree[k] ? p : 0), 0), 0) / view.probs.length;
  // β's rows follow α's in a path (resolution space); the heat map reads α's.
  const path = supernet.pathOf(derived).slice(0, supernet.edges.length);
  const chosen = path.flat();
  const derivedFree = chosen.length === 0 ? 0 : chosen.filter((k) => supernet.parameterFree[k]).length / chosen.length;
  return {
    epoch,
    stage,
    kind: view.kind,
    ops: [...supernet.ops],
    edges: supernet.edges.map((e) => ({ group: e.group, label: e.label })),
    probs: view.probs,
    allowed,
    parameterFree: [...supernet.parameterFree],
    parameterFreeShare: free,
    derived: space.encode(derived),
    chosen: path,
    derivedParameterFree: derivedFree,
    ...(view.beta && supernet.trellis ? { beta: betaSnapshot(view.beta, supernet.trellis, derived) } : {}),
    ...(view.latency ? { latency: view.latency } : {}),
  };
}

const sameEdge = (a: SearchEdgeRef, b: SearchEdgeRef): boolean => a.group === b.group && a.from === b.from && a.to === b.to;

/** Edge widths from α: each drawn searchable edge gets the probability of its op on its supernet row. */
export function weightedGraph(graph: ArchGraph, view: ArchView | null, supernet: Supernet): ArchGraph {
  if (!view) return graph;
  if (view.beta && supernet.trellis) return trellisWeights(graph, view.beta, supernet.trellis);
  return {
    ...graph,
    edges: graph.edges.map((edge) => {
      if (!edge.op || !edge.ref) return edge;
      const ref = edge.ref;
      const row = supernet.edges.findIndex((e) => sameEdge(e, ref));
      const k = supernet.ops.indexOf(edge.op);
      return row < 0 || k < 0 ? edge : { ...edge, weight: view.probs[row]![k]! };
    }),
  };
}
