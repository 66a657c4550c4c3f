import { CHAIN_OP_TABLE } from '../ops/chain';
import { cellPlan } from './cell-cost';
import type { CellGenotype, CellSettings } from './cell';
import type { ArchGraph } from './types';

/** A normal and a reduction cell as one graph; their searchable edges carry typed references (group, from, to). */
export function describeCells(g: CellGenotype, nodeCount: number): ArchGraph {
  const nodes: ArchGraph['nodes'] = [];
  const edges: ArchGraph['edges'] = [];
  for (const [which, label] of [
    ['normal', 'normal'],
    ['reduce', 'reduction'],
  ] as const) {
    const id = (n: number) => `${which}:${n}`;
    nodes.push({ id: id(0), label: 'c(k−2)', kind: 'input', detail: label });
    nodes.push({ id: id(1), label: 'c(k−1)', kind: 'input', detail: label });
    for (let j = 0; j < nodeCount; j++) nodes.push({ id: id(j + 2), label: `node ${j}`, kind: 'node' });
    nodes.push({ id: `${which}:out`, label: 'c(k)', kind: 'output', detail: `${label} cell` });
    g[which].edges.forEach(([op, input], e) => {
      const to = 2 + Math.floor(e / 2);
      edges.push({ from: id(input), to: id(to), op, ref: { group: which, from: input, to } });
    });
    for (const n of g[which].concat) edges.push({ from: id(n), to: `${which}:out` });
  }
  return { nodes, edges };
}

/** The network the cells are stacked into: stem, [N normal, reduction] × 2, N normal, pool and linear. */
export function describeCellNetwork(g: CellGenotype, settings: CellSettings): ArchGraph {
  const nodes: ArchGraph['nodes'] = [
    { id: 'in', label: 'input', kind: 'input' },
    { id: 'stem', label: CHAIN_OP_TABLE.conv_3x3.label, kind: 'conv_3x3', detail: `${settings.stemMultiplier * settings.channels} ch` },
  ];
  const edges: ArchGraph['edges'] = [{ from: 'in', to: 'stem' }];
  const ids = ['stem', 'stem'];
  cellPlan(settings).forEach(({ reduction, channels }, i) => {
    const id = `c${i}`;
    const spec = reduction ? g.reduce : g.normal;
    nodes.push({
      id,
      label: reduction ? 'reduction cell' : 'normal cell',
      kind: reduction ? 'output' : 'node',
      detail: `${spec.concat.length}×${channels} ch${reduction ? ' · /2' : ''}`,
    });
    edges.push({ from: ids[ids.length - 1]!, to: id });
    if (ids[ids.length - 2] !== ids[ids.length - 1]) edges.push({ from: ids[ids.length - 2]!, to: id, skip: true });
    ids.push(id);
  });
  nodes.push({ id: 'out', label: 'pool + linear', kind: 'output' });
  edges.push({ from: ids[ids.length - 1]!, to: 'out' });
  return { nodes, edges };
}
