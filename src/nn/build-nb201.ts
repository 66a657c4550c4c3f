import * as tf from '@tensorflow/tfjs-core';
import { NB201_EDGES, nb201ConvKernel, type Nb201Genotype, type Nb201Settings } from '../core/space/nb201';
import type { InputShape } from '../core/space/types';
import { batchNorm, BuildContext, classifierHead, convLayer, type Layer } from './layers';
import { avgPool } from './ops';
import { stackNetwork, type Network } from './network';

function cell(ctx: BuildContext, g: Nb201Genotype, channels: number): Layer {
  const edgeOps: Array<Layer | null> = g.ops.map((op) => {
    const k = nb201ConvKernel(op);
    if (k !== null) return convLayer(ctx, channels, channels, { kernel: k, relu: 'before' });
    if (op === 'skip_connect') return (x) => x;
    if (op === 'avg_pool_3x3') return (x) => avgPool(x, 3, 1);
    return null;
  });
  return (x, training) => {
    const nodes: tf.Tensor4D[] = [x];
    for (let to = 1; to <= 3; to++) {
      const terms: tf.Tensor4D[] = [];
      NB201_EDGES.forEach(([from, t], e) => {
        const op = edgeOps[e];
        if (t === to && op) terms.push(op(nodes[from]!, training));
      });
      nodes.push(terms.length === 0 ? tf.zerosLike(x) : terms.length === 1 ? terms[0]! : (tf.addN(terms) as tf.Tensor4D));
    }
    return nodes[3]!;
  };
}

/** The benchmark's residual reduction block: halves H and W, doubles channels. */
export function reductionBlock(ctx: BuildContext, cin: number, cout: number): Layer {
  const a = convLayer(ctx, cin, cout, { kernel: 3, stride: 2, relu: 'before' });
  const b = convLayer(ctx, cout, cout, { kernel: 3, relu: 'before' });
  const shortcut = convLayer(ctx, cin, cout, { kernel: 1, relu: 'none', bn: false });
  return (x, training) => {
    const pooled = tf.avgPool(x, 2, 2, 'valid') as tf.Tensor4D;
    return tf.add(b(a(x, training), training), shortcut(pooled, training));
  };
}

export function buildNb201(g: Nb201Genotype, settings: Nb201Settings, input: InputShape, classes: number, ctx: BuildContext): Network {
  const { channels, cellsPerStage } = settings;
  const stem = convLayer(ctx, input.channels, channels, { kernel: 3, relu: 'none' });
  const blocks: Layer[] = [];
  let c = channels;
  for (let stage = 0; stage < 3; stage++) {
    if (stage > 0) {
      blocks.push(reductionBlock(ctx, c, 2 * c));
      c *= 2;
    }
    for (let i = 0; i < cellsPerStage; i++) blocks.push(cell(ctx, g, c));
  }
  const lastNorm = batchNorm(ctx, c);
  const head = classifierHead(ctx, c, classes);
  return stackNetwork(ctx, stem, blocks, (h, training) => head(tf.relu(lastNorm(h, training))));
}
