import { NB201_EDGES, type Nb201Genotype, type Nb201Settings } from '../space/nb201';
import type { InputShape } from '../space/types';
import { batchNorm, classifierHead, conv, convBn, relu } from './blocks';
import { NetBuilder, type Ref } from './builder';
import { opGraph } from './op-graphs';
import type { NetGraph } from './types';

/** Node j sums the outputs of its incoming edges (zeros without any); the cell's output is node 3. */
function cell(b: NetBuilder, x: Ref, scope: string, g: Nb201Genotype): Ref {
  const c = b.channels(x);
  const outs = g.ops.map((op, e) => ({ e, op }));
  const nodes: Ref[] = [x];
  for (let to = 1; to <= 3; to++) {
    const terms: Ref[] = [];
    NB201_EDGES.forEach(([from, t], e) => {
      if (t !== to) return;
      const out = opGraph(b, nodes[from]!, `${scope}.edges.${e}`, outs[e]!.op, { cin: c, cout: c, stride: 1 });
      if (out !== null) terms.push(out);
    });
    nodes.push(terms.length === 0 ? b.add({ kind: 'zeros' }, [x], scope) : terms.length === 1 ? terms[0]! : b.add({ kind: 'add' }, terms, scope));
  }
  return nodes[3]!;
}

/** The benchmark's residual reduction block: halves H and W, doubles channels. */
export function reductionBlock(b: NetBuilder, x: Ref, scope: string, cout: number): Ref {
  const a = convBn(b, x, `${scope}.conv_a`, cout, { kernel: 3, stride: 2, relu: 'before' });
  const main = convBn(b, a, `${scope}.conv_b`, cout, { kernel: 3, relu: 'before' });
  const pooled = b.add({ kind: 'avgpool', kernel: 2, stride: 2 }, [x], scope);
  const shortcut = conv(b, pooled, `${scope}.shortcut`, cout, [1, 1], [1, 1]);
  return b.add({ kind: 'add' }, [main, shortcut], scope);
}

export function describeNb201(g: Nb201Genotype, settings: Nb201Settings, input: InputShape, classes: number): NetGraph {
  const b = new NetBuilder(input);
  let h = convBn(b, 0, 'stem', settings.channels, { kernel: 3, relu: 'none' });
  let c = settings.channels;
  let i = 0;
  for (let stage = 0; stage < 3; stage++) {
    if (stage > 0) {
      c *= 2;
      h = reductionBlock(b, h, `cells.${i++}`, c);
    }
    for (let k = 0; k < settings.cellsPerStage; k++) h = cell(b, h, `cells.${i++}`, g);
  }
  h = relu(b, batchNorm(b, h, 'last_bn'), 'last_bn');
  return b.graph('nb201', classes, classifierHead(b, h, 'head', classes));
}
