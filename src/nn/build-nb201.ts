import * as tf from '@tensorflow/tfjs-core';
import { NB201_EDGES, type Nb201Genotype, type Nb201Settings } from '../core/space/nb201';
import type { InputShape } from '../core/space/types';
import { batchNorm, BuildContext, classifierHead, convLayer, type Layer } from './layers';
import { buildOp } from './op-factories';
import { stackNetwork, type Network } from './network';

/** Node j sums the terms of its incoming edges (zero without any); the cell's output is node 3. */
export function nb201Forward(x: tf.Tensor4D, terms: (edge: number, input: tf.Tensor4D) => tf.Tensor4D[]): tf.Tensor4D {
  const nodes: tf.Tensor4D[] = [x];
  for (let to = 1; to <= 3; to++) {
    const sum: tf.Tensor4D[] = [];
    NB201_EDGES.forEach(([from, t], e) => {
      if (t === to) sum.push(...terms(e, nodes[from]!));
    });
    nodes.push(sum.length === 0 ? tf.zerosLike(x) : sum.length === 1 ? sum[0]! : (tf.addN(sum) as tf.Tensor4D));
  }
  return nodes[3]!;
}

function cell(ctx: BuildContext, g: Nb201Genotype, channels: number): Layer {
  const edgeOps = g.ops.map((op) => buildOp(ctx, op, { cin: channels, cout: channels, stride: 1 }));
  return (x, training) =>
    nb201Forward(x, (e, input) => {
      const op = edgeOps[e];
      return op ? [op(input, training)] : [];
    });
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
