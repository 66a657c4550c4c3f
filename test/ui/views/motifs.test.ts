import { describe, expect, it } from 'vitest';
import { HierSpace } from '../../../src/core/space/hier';
import { Nb201Space } from '../../../src/core/space/nb201';
import { collapseMotifs, hasMotifs, toggled } from '../../../src/ui/views/motifs';

const space = new HierSpace();
// Cell: 0→1 motif 1, 0→2 motif 3, 1→2 identity, 2→3 motif 2 (edges 0, 1, 2, 5).
const graph = space.describe(
  space.decode('m1 conv1x1 dw3x3 id none none max3x3 | m2 id none id none none id | m3 sep3x3 none avg3x3 none none id | cell m1 m3 id none none m2'),
);

describe('motifs that expand and collapse in the graph', () => {
  it('collapses every motif into one node named after it, edges re-attached, none left dangling', () => {
    expect(hasMotifs(graph)).toBe(true);
    expect(hasMotifs(new Nb201Space().describe({ ops: ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3', 'none'] }))).toBe(false);
    const shown = collapseMotifs(graph, new Set());
    expect(shown.nodes.map((n) => n.label).sort()).toEqual(['cell input', 'cell output', 'motif 1', 'motif 2', 'motif 3', 'node 1', 'node 2']);
    expect(shown.nodes.filter((n) => n.toggle).every((n) => n.toggle!.open === false)).toBe(true);
    const ids = new Set(shown.nodes.map((n) => n.id));
    for (const e of shown.edges) expect(ids.has(e.from) && ids.has(e.to), `${e.from} → ${e.to}`).toBe(true);
    const edge = (from: string, to: string) => shown.edges.filter((e) => e.from === from && e.to === to);
    expect(edge('n0', 'e0')).toHaveLength(1);
    expect(edge('e0', 'n1')).toHaveLength(1);
    expect(edge('n1', 'n2')[0]!.op).toBe('skip_connect');
    // No primitive is visible while every motif is closed.
    expect(shown.edges.filter((e) => e.op && e.op !== 'skip_connect')).toEqual([]);
  });

  it('opens one motif into its DAG of primitives, its input node a toggle that closes it again', () => {
    const open = toggled(new Set(), 'e0');
    const shown = collapseMotifs(graph, open);
    expect(shown.nodes.some((n) => n.id === 'e0')).toBe(false);
    expect(shown.nodes.filter((n) => n.motif?.id === 'e0').map((n) => n.label)).toEqual(['motif 1 in', 'motif 1 · 1', 'motif 1 · 2', 'motif 1 out']);
    expect(shown.nodes.find((n) => n.id === 'e0.0')!.toggle).toEqual({ motif: 'e0', open: true });
    expect(
      shown.edges
        .filter((e) => e.from.startsWith('e0.'))
        .map((e) => e.op ?? 'out')
        .sort(),
    ).toEqual(['dw_conv_3x3', 'max_pool_3x3', 'nor_conv_1x1', 'out', 'skip_connect']);
    // The other motifs stay collapsed.
    expect(shown.nodes.filter((n) => n.toggle && !n.toggle.open).map((n) => n.label)).toEqual(['motif 3', 'motif 2']);
    expect(collapseMotifs(graph, toggled(open, 'e0'))).toEqual(collapseMotifs(graph, new Set()));
  });

  it('shows the whole graph when every motif is open', () => {
    const every = new Set(graph.nodes.flatMap((n) => (n.motif ? [n.motif.id] : [])));
    const shown = collapseMotifs(graph, every);
    expect(shown.nodes).toHaveLength(graph.nodes.length);
    expect(shown.edges).toHaveLength(graph.edges.length);
  });
});
