import { hierOpId } from '../ops/hier';
import type { HierGenotype, HierSettings } from '../space/hier';
import { hierPlan } from '../space/hier-cost';
import { liveInputs } from '../space/hier-dag';
import type { InputShape } from '../space/types';
import { batchNorm, classifierHead, conv, convBn, depthwise, relu } from './blocks';
import { NetBuilder, type Ref } from './builder';
import { opGraph } from './op-graphs';
import type { NetGraph } from './types';

/**
 * One DAG of the hierarchy on input `x`: node j concatenates what its live edges give (each built
 * by `edge`) and, if it merged several, a ReLU-1 × 1 conv-BN (`.merges.j`) brings it back to C.
 */
function dag(b: NetBuilder, x: Ref, scope: string, n: number, ops: readonly string[], edge: (from: Ref, scope: string, op: string) => Ref): Ref {
  const c = b.channels(x);
  const nodes: Ref[] = [x];
  liveInputs(n, ops).forEach((inputs, j) => {
    if (j === 0 || inputs.length === 0) return;
    const parts = inputs.map(({ edge: e, from, op }) => edge(nodes[from]!, `${scope}.edges.${e}`, op));
    nodes[j] = parts.length === 1 ? parts[0]! : convBn(b, b.add({ kind: 'concat' }, parts, scope), `${scope}.merges.${j}`, c, { kernel: 1, relu: 'before' });
  });
  return nodes[n - 1]!;
}

/** Stem, the cells (each the level-3 motif over level-2 motifs over primitives) with separable-conv reductions between them, pooling, linear. */
export function describeHierNetwork(g: HierGenotype, settings: HierSettings, input: InputShape, classes: number): NetGraph {
  const b = new NetBuilder(input);
  let h = convBn(b, 0, 'stem', settings.channels, { kernel: 3 });
  const motif = (x: Ref, scope: string, m: number) =>
    dag(b, x, scope, settings.motifNodes, g.motifs[m]!, (from, s, op) => {
      const c = b.channels(from);
      return opGraph(b, from, s, hierOpId(op)!, { cin: c, cout: c, stride: 1 })!;
    });
  hierPlan(settings, input).forEach(({ channels }, k) => {
    if (k > 0) {
      const scope = `reductions.${k - 1}`;
      const d = depthwise(b, relu(b, h, scope), `${scope}.depthwise`, 3, 1, 2);
      h = batchNorm(b, conv(b, d, `${scope}.pointwise`, channels, [1, 1], [1, 1]), `${scope}.bn`);
    }
    h = dag(b, h, `cells.${k}`, settings.cellNodes, g.cell, (from, s, op) => (op === 'id' ? from : motif(from, s, Number(op.slice(1)) - 1)));
  });
  return b.graph('hierarchical', classes, classifierHead(b, h, 'head', classes));
}
