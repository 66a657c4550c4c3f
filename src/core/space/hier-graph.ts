import { hierOpId } from '../ops/hier';
import type { HierGenotype, HierSettings } from './hier';
import { liveInputs } from './hier-dag';
import type { ArchGraph } from './types';

/**
 * The cell drawn whole: the level-3 motif's nodes, identity edges between them, and each level-2
 * motif on a level-3 edge drawn as its own DAG (primitives on its edges), every node of it marked
 * with the motif instance it belongs to, so the page can show it collapsed ("motif 2") or open.
 * A node merging several inputs says "concat k" (then a 1 × 1 conv back to C channels).
 */
export function describeHier(g: HierGenotype, settings: HierSettings): ArchGraph {
  const nodes: ArchGraph['nodes'] = [];
  const edges: ArchGraph['edges'] = [];
  const merged = (k: number) => (k > 1 ? `concat ${k}` : undefined);
  const cellInputs = liveInputs(settings.cellNodes, g.cell);
  const last = settings.cellNodes - 1;
  cellInputs.forEach((inputs, j) => {
    if (j > 0 && inputs.length === 0) return;
    nodes.push({ id: `n${j}`, label: j === 0 ? 'cell input' : j === last ? 'cell output' : `node ${j}`, kind: 'node', detail: merged(inputs.length) });
  });
  cellInputs.forEach((inputs, j) => {
    for (const { edge, from, op } of inputs) {
      if (op === 'id') {
        edges.push({ from: `n${from}`, to: `n${j}`, op: 'skip_connect' });
        continue;
      }
      const m = Number(op.slice(1)) - 1;
      const motif = { id: `e${edge}`, label: `motif ${m + 1}` };
      const id = (t: number) => `e${edge}.${t}`;
      const inner = liveInputs(settings.motifNodes, g.motifs[m]!);
      const end = settings.motifNodes - 1;
      inner.forEach((into, t) => {
        if (t > 0 && into.length === 0) return;
        const label = t === 0 ? `${motif.label} in` : t === end ? `${motif.label} out` : `${motif.label} · ${t}`;
        nodes.push({ id: id(t), label, kind: 'node', detail: merged(into.length), motif });
        for (const e of into) edges.push({ from: id(e.from), to: id(t), op: hierOpId(e.op)! });
      });
      edges.push({ from: `n${from}`, to: id(0) }, { from: id(end), to: `n${j}` });
    }
  });
  return { nodes, edges };
}

/** The network the cell is stacked into: stem, the cells with a separable-conv reduction before each but the first, pooling and linear. */
export function describeHierStack(settings: HierSettings): ArchGraph {
  const nodes: ArchGraph['nodes'] = [
    { id: 'in', label: 'input', kind: 'input' },
    { id: 'stem', label: 'conv 3×3', kind: 'conv_3x3', detail: `${settings.channels} ch` },
  ];
  for (let k = 0; k < settings.cells; k++) {
    const c = settings.channels * 2 ** k;
    if (k > 0) nodes.push({ id: `r${k}`, label: 'sep conv 3×3', kind: 'single_sep_conv_3x3', detail: `${c} ch · /2` });
    nodes.push({ id: `c${k}`, label: 'searched cell', kind: 'node', detail: `${c} ch` });
  }
  nodes.push({ id: 'out', label: 'pool + linear', kind: 'output' });
  return { nodes, edges: nodes.slice(1).map((n, k) => ({ from: nodes[k]!.id, to: n.id })) };
}
