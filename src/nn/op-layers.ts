import * as tf from '@tensorflow/tfjs-core';
import { batchNorm, BuildContext, convLayer, type Layer } from './layers';
import { conv2d, depthwiseConv2d, subsample2 } from './ops';
import { avgPool } from './pool-ops';

/** Depthwise k × k (optionally dilated) at stride 1 or 2; stride 2 keeps every second output. */
export function depthwise(ctx: BuildContext, c: number, k: number, dilation: number, stride: number): Layer {
  const w = ctx.weight([k, k, c, 1], Math.sqrt(2 / (k * k)));
  return (x) => {
    const full = depthwiseConv2d(x, w as tf.Tensor4D, dilation);
    const y = stride === 2 ? subsample2(full) : full;
    ctx.countMacs(k * k * c * y.shape[1] * y.shape[2]);
    return y;
  };
}

const pointwise = (ctx: BuildContext, cin: number, cout: number): Layer => convLayer(ctx, cin, cout, { kernel: 1, relu: 'none', bn: false });

export const identity: Layer = (x) => x;

/** Keeps every second pixel: a strided identity without weights. */
export const subsample: Layer = (x) => avgPool(x, 1, 2);

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

/** DARTS's DilConv: ReLU, depthwise k × k with a dilation (strided), pointwise, BN. With dilation 1, one separable conv. */
export function dilConv(ctx: BuildContext, c: number, k: number, dilation: number, stride: number): Layer {
  const parts = [depthwise(ctx, c, k, dilation, stride), pointwise(ctx, c, c), batchNorm(ctx, c)];
  return (x, training) => parts.reduce((h, layer) => layer(h, training), tf.relu(x));
}

/** DARTS's SepConv: its DilConv at dilation 1 twice, the first strided. */
export function sepConv(ctx: BuildContext, c: number, k: number, stride: number): Layer {
  const first = dilConv(ctx, c, k, 1, stride);
  const second = dilConv(ctx, c, k, 1, 1);
  return (x, training) => second(first(x, training), training);
}

/** NASNet's factorised 7 × 7: ReLU, 1 × 7 with stride (1, s), 7 × 1 with stride (s, 1), BN. */
export function conv7x1x7(ctx: BuildContext, c: number, stride: number): Layer {
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

/** Squeeze-and-excitation: global pool, bottleneck, sigmoid gate per channel. */
function squeezeExcite(ctx: BuildContext, channels: number, squeeze: number): Layer {
  const w1 = ctx.weight([channels, squeeze], Math.sqrt(2 / channels));
  const b1 = ctx.constant([squeeze], 0, true);
  const w2 = ctx.weight([squeeze, channels], Math.sqrt(1 / squeeze));
  const b2 = ctx.constant([channels], 0, true);
  return (x) => {
    ctx.countMacs(2 * channels * squeeze);
    const pooled = tf.mean(x, [1, 2]) as tf.Tensor2D;
    const gate = tf.sigmoid(tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(pooled, w1), b1)) as tf.Tensor2D, w2), b2));
    return tf.mul(x, tf.reshape(gate, [-1, 1, 1, channels])) as tf.Tensor4D;
  };
}

export interface SeparableBlock {
  cin: number;
  cout: number;
  stride: number;
  kernel: number;
  /** Pointwise expansion of the input channels (none at 1). */
  expansion: number;
  /** Squeeze-and-excitation ratio of the input channels; 0 for none. */
  se: number;
  /** Add the input back where the shapes allow it. */
  skip: boolean;
  /** ReLU after the projection (a plain separable conv) or not (MBConv's linear bottleneck). */
  reluAfter: boolean;
}

/** MnasNet's depthwise-separable layers: [expand,] depthwise, [SE,] project, with an identity skip where shapes match. */
export function separableBlock(ctx: BuildContext, b: SeparableBlock): Layer {
  const { cin, cout, stride, kernel: k, expansion } = b;
  const mid = cin * expansion;
  const expand = expansion > 1 ? convLayer(ctx, cin, mid, { kernel: 1 }) : null;
  const dw = ctx.weight([k, k, mid, 1], Math.sqrt(2 / (k * k)));
  const dwNorm = batchNorm(ctx, mid);
  const se = b.se > 0 ? squeezeExcite(ctx, mid, Math.max(1, Math.floor(cin * b.se))) : null;
  const project = convLayer(ctx, mid, cout, { kernel: 1, relu: b.reluAfter ? 'after' : 'none' });
  const residual = b.skip && stride === 1 && cin === cout;
  return (x, training) => {
    let h = expand ? expand(x, training) : x;
    const full = depthwiseConv2d(h, dw as tf.Tensor4D, 1);
    h = stride === 2 ? subsample2(full) : full;
    ctx.countMacs(k * k * mid * h.shape[1] * h.shape[2]);
    h = tf.relu(dwNorm(h, training));
    if (se) h = se(h, training);
    h = project(h, training);
    return residual ? tf.add(h, x) : h;
  };
}
