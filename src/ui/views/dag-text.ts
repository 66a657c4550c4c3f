import type { ArchGraph } from '../../core/space/types';
import { opColor, opLabel } from './theme';
import { isOpId, type OpId } from '../../core/ops/index';

/** What a drawing of this graph uses, for its legend: the ops (with their colours) and the marks. */
export interface DagLegend {
  ops: Array<{ op: OpId; label: string; color: string }>;
  /** Dashed edges: skip connections. */
  skips: boolean;
  /** "/2" on a node: it halves the height and width. */
  strided: boolean;
  /** Faint nodes and edges: possibilities the architecture did not take. */
  faint: boolean;
  /** Ops on the edges between feature maps (cells), rather than in boxes (chains). */
  opsOnEdges: boolean;
}

export function legendOf(graph: ArchGraph): DagLegend {
  const ops = new Set<OpId>();
  for (const n of graph.nodes) if (isOpId(n.kind) && !n.faint) ops.add(n.kind);
  for (const e of graph.edges) if (e.op && !e.faint) ops.add(e.op);
  return {
    ops: [...ops].map((op) => ({ op, label: opLabel(op), color: opColor(op) })),
    skips: graph.edges.some((e) => e.skip),
    strided: graph.nodes.some((n) => n.detail?.includes('/2')),
    faint: graph.nodes.some((n) => n.faint) || graph.edges.some((e) => e.faint),
    opsOnEdges: graph.edges.some((e) => e.op !== undefined),
  };
}

/** The graph's edges in words, one line each, for screen readers and anyone who prefers text. */
export function edgesAsText(graph: ArchGraph): string[] {
  const name = new Map(graph.nodes.map((n) => [n.id, n.detail ? `${n.label} (${n.detail})` : n.label]));
  return graph.edges
    .filter((e) => !e.faint)
    .map((e) => {
      const via = e.op ? ` through ${opLabel(e.op)}` : '';
      const skip = e.skip ? ', a skip connection' : '';
      const weight = e.weight !== undefined ? `, weight ${Math.round(e.weight * 100)}%` : '';
      return `${name.get(e.from) ?? e.from} → ${name.get(e.to) ?? e.to}${via}${skip}${weight}`;
    });
}
