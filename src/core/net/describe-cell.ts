import type { CellGenotype, CellSettings, CellSpec } from '../space/cell';
import { cellPlan } from '../space/cell-cost';
import type { InputShape } from '../space/types';
import { classifierHead, convBn, factorizedReduce } from './blocks';
import { NetBuilder, type Ref } from './builder';
import { opGraph } from './op-graphs';
import type { NetGraph } from './types';

function cell(b: NetBuilder, scope: string, spec: CellSpec, prevPrev: Ref, prev: Ref, c: number, reduction: boolean, reductionPrev: boolean): Ref {
  const s0 = reductionPrev ? factorizedReduce(b, prevPrev, `${scope}.pre0`, c) : convBn(b, prevPrev, `${scope}.pre0`, c, { kernel: 1, relu: 'before' });
  const s1 = convBn(b, prev, `${scope}.pre1`, c, { kernel: 1, relu: 'before' });
  const states = [s0, s1];
  for (let e = 0; e < spec.edges.length; e += 2) {
    const [a, bb] = [e, e + 1].map((k) => {
      const [op, input] = spec.edges[k]!;
      return opGraph(b, states[input]!, `${scope}.edges.${k}`, op, { cin: c, cout: c, stride: reduction && input < 2 ? 2 : 1 })!;
    });
    states.push(b.add({ kind: 'add' }, [a!, bb!], scope));
  }
  const parts = spec.concat.map((n) => states[n]!);
  return parts.length === 1 ? parts[0]! : b.add({ kind: 'concat' }, parts, scope);
}

/** Stem, 3N + 2 cells (reductions after the first and second thirds), global pooling, linear. */
export function describeCellNetwork(g: CellGenotype, settings: CellSettings, input: InputShape, classes: number): NetGraph {
  const b = new NetBuilder(input);
  const stemChannels = settings.stemMultiplier * settings.channels;
  let prev = convBn(b, 0, 'stem', stemChannels, { kernel: 3, relu: 'none' });
  let prevPrev = prev;
  let reductionPrev = false;
  cellPlan(settings).forEach(({ reduction, channels }, i) => {
    const out = cell(b, `cells.${i}`, reduction ? g.reduce : g.normal, prevPrev, prev, channels, reduction, reductionPrev);
    [prevPrev, prev] = [prev, out];
    reductionPrev = reduction;
  });
  return b.graph('cell', classes, classifierHead(b, prev, 'head', classes));
}
