import type { ArchGraph, ArchNode } from '../../core/space/types';

/** A drawn node that opens or closes a motif when clicked or activated by keyboard. */
export type ShownNode = ArchNode & { toggle?: { motif: string; open: boolean } };
export interface ShownGraph {
  nodes: ShownNode[];
  edges: ArchGraph['edges'];
}

/** Whether a drawing holds motifs that can be collapsed (a hierarchical space's cell). */
export function hasMotifs(graph: ArchGraph | null): boolean {
  return !!graph?.nodes.some((n) => n.motif);
}

/**
 * The graph with every motif not in `open` collapsed into one node named after it ("motif 2"),
 * its edges re-attached to that node; an open motif shows its DAG, and its input node closes it.
 */
export function collapseMotifs(graph: ArchGraph, open: ReadonlySet<string>): ShownGraph {
  const closed = (n: ArchNode) => n.motif && !open.has(n.motif.id);
  const shownId = (n: ArchNode) => (closed(n) ? n.motif!.id : n.id);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes: ShownNode[] = [];
  const seen = new Set<string>();
  for (const n of graph.nodes) {
    const id = shownId(n);
    if (seen.has(id)) continue;
    seen.add(id);
    if (closed(n)) nodes.push({ id, label: n.motif!.label, kind: 'node', detail: 'collapsed', toggle: { motif: n.motif!.id, open: false } });
    else if (n.motif && n.id.endsWith('.0')) nodes.push({ ...n, toggle: { motif: n.motif.id, open: true } });
    else nodes.push(n);
  }
  const edges: ArchGraph['edges'] = [];
  const kept = new Set<string>();
  for (const e of graph.edges) {
    const from = shownId(byId.get(e.from)!);
    const to = shownId(byId.get(e.to)!);
    const key = `${from}>${to}>${e.op ?? ''}`;
    if (from === to || kept.has(key)) continue;
    kept.add(key);
    edges.push({ ...e, from, to });
  }
  return { nodes, edges };
}

/** `open` with `motif` opened or closed. */
export function toggled(open: ReadonlySet<string>, motif: string): Set<string> {
  const next = new Set(open);
  if (!next.delete(motif)) next.add(motif);
  return next;
}
