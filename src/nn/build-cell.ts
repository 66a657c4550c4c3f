import * as tf from '@tensorflow/tfjs-core';
import type { CellGenotype, CellOp, CellSettings, CellSpec } from '../core/space/cell';
import { cellPlan } from '../core/space/cell-cost';
import type { InputShape } from '../core/space/types';
import { batchNorm, BuildContext, classifierHead, convLayer, type Layer } from './layers';
import { avgPool, conv2d, depthwiseConv2d, maxPool, subsample2 } from './ops';
import type { Network } from './network';

/** Depthwise k × k (optionally dilated) at stride 1 or 2; stride 2 keeps every second output. */
function depthwise(ctx: BuildContext, c: number, k: number, dilation: number, stride: number): Layer {
  const w = ctx.weight([k, k, c, 1], Math.sqrt(2 / (k * k)));
  return (x) => {
    const full = depthwiseConv2d(x, w as tf.Tensor4D, dilation);
    const y = stride === 2 ? subsample2(full) : full;
    ctx.countMacs(k * k * c * y.shape[1] * y.shape[2]);
    return y;
  };
}

const pointwise = (ctx: BuildContext, cin: number, cout: number): Layer => convLayer(ctx, cin, cout, { kernel: 1, relu: 'none', bn: false });

/** ReLU, then two stride-2 1 × 1 convs, the second shifted by one pixel, concatenated, then BN. */
export function factorizedReduce(ctx: BuildContext, cin: number, cout: number): Layer {
  const a = convLayer(ctx, cin, cout / 2, { kernel: 1, stride: 2, relu: 'none', bn: false });
  const b = convLayer(ctx, cin, cout / 2, { kernel: 1, stride: 2, relu: 'none', bn: false });
  const norm = batchNorm(ctx, cout);
  return (x, training) => {
    const r = tf.relu(x);
    const [n, h, w, c] = r.shape;
    const shifted = tf.slice(r, [0, 1, 1, 0], [n, h - 1, w - 1, c]);
    return norm(tf.concat([a(r, training), b(shifted, training)], 3), training);
  };
}

export function operation(ctx: BuildContext, op: CellOp, c: number, stride: number): Layer {
  switch (op) {
    case 'max_pool_3x3':
      return (x) => maxPool(x, 3, stride);
    case 'avg_pool_3x3':
      return (x) => avgPool(x, 3, stride);
    case 'skip_connect':
      return stride === 1 ? (x) => x : factorizedReduce(ctx, c, c);
    case 'sep_conv_3x3':
    case 'sep_conv_5x5':
    case 'sep_conv_7x7': {
      const k = Number(op.slice(-1));
      const parts = [depthwise(ctx, c, k, 1, stride), pointwise(ctx, c, c), batchNorm(ctx, c), depthwise(ctx, c, k, 1, 1), pointwise(ctx, c, c), batchNorm(ctx, c)];
      return (x, training) => {
        let h = tf.relu(x);
        for (let i = 0; i < 3; i++) h = parts[i]!(h, training);
        h = tf.relu(h);
        for (let i = 3; i < 6; i++) h = parts[i]!(h, training);
        return h;
      };
    }
    case 'dil_conv_3x3':
    case 'dil_conv_5x5': {
      const k = Number(op.slice(-1));
      const parts = [depthwise(ctx, c, k, 2, stride), pointwise(ctx, c, c), batchNorm(ctx, c)];
      return (x, training) => parts.reduce((h, layer) => layer(h, training), tf.relu(x));
    }
    case 'conv_7x1_1x7': {
      const wa = ctx.weight([1, 7, c, c], Math.sqrt(2 / (7 * c)));
      const wb = ctx.weight([7, 1, c, c], Math.sqrt(2 / (7 * c)));
      const norm = batchNorm(ctx, c);
      return (x, training) => {
        const a = conv2d(tf.relu(x), wa as tf.Tensor4D, [1, stride], 'same');
        ctx.countMacs(7 * c * c * a.shape[1] * a.shape[2]);
        const b = conv2d(a, wb as tf.Tensor4D, [stride, 1], 'same');
        ctx.countMacs(7 * c * c * b.shape[1] * b.shape[2]);
        return norm(b, training);
      };
    }
  }
}

type CellLayer = (prevPrev: tf.Tensor4D, prev: tf.Tensor4D, training: boolean) => tf.Tensor4D;

function cell(ctx: BuildContext, spec: CellSpec, cPrevPrev: number, cPrev: number, c: number, reduction: boolean, reductionPrev: boolean): CellLayer {
  const pre0 = reductionPrev ? factorizedReduce(ctx, cPrevPrev, c) : convLayer(ctx, cPrevPrev, c, { kernel: 1, relu: 'before' });
  const pre1 = convLayer(ctx, cPrev, c, { kernel: 1, relu: 'before' });
  const ops = spec.edges.map(([op, input]) => operation(ctx, op, c, reduction && input < 2 ? 2 : 1));
  return (prevPrev, prev, training) => {
    const states = [pre0(prevPrev, training), pre1(prev, training)];
    for (let e = 0; e < spec.edges.length; e += 2) {
      const a = ops[e]!(states[spec.edges[e]![1]]!, training);
      const b = ops[e + 1]!(states[spec.edges[e + 1]![1]]!, training);
      states.push(tf.add(a, b));
    }
    const parts = spec.concat.map((n) => states[n]!);
    return parts.length === 1 ? parts[0]! : tf.concat(parts, 3);
  };
}

/** Stem, 3N + 2 cells (reductions after the first and second thirds), global pooling, linear. */
export function buildCellNetwork(g: CellGenotype, settings: CellSettings, input: InputShape, classes: number, ctx: BuildContext): Network {
  const stemChannels = settings.stemMultiplier * settings.channels;
  const stem = convLayer(ctx, input.channels, stemChannels, { kernel: 3, relu: 'none' });
  const cells: CellLayer[] = [];
  let cPrevPrev = stemChannels;
  let cPrev = stemChannels;
  let reductionPrev = false;
  for (const { reduction, channels } of cellPlan(settings)) {
    const spec = reduction ? g.reduce : g.normal;
    cells.push(cell(ctx, spec, cPrevPrev, cPrev, channels, reduction, reductionPrev));
    cPrevPrev = cPrev;
    cPrev = spec.concat.length * channels;
    reductionPrev = reduction;
  }
  const head = classifierHead(ctx, cPrev, classes);
  return {
    ctx,
    apply(x, training) {
      let prevPrev = stem(x, training);
      let prev = prevPrev;
      for (const layer of cells) [prevPrev, prev] = [prev, layer(prevPrev, prev, training)];
      return head(prev);
    },
  };
}
