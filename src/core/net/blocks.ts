import type { NetBuilder, Ref } from './builder';
import type { WeightSpec } from './types';

/**
 * The building blocks every space's networks are made of, as layer-graph fragments. Scopes are
 * the generated PyTorch modules' attribute paths (see src/export/pytorch), and weights are listed
 * in the order the trainer has always drawn them from the seeded stream.
 */

const kernel = (name: string, shape: number[], std: number): WeightSpec => ({ name: `${name}.weight`, shape, init: { normal: std }, trainable: true });
const fill = (name: string, shape: number[], value: number, trainable: boolean): WeightSpec => ({ name, shape, init: { fill: value }, trainable });
const join = (scope: string, part: string) => (scope ? `${scope}.${part}` : part);

export function batchNorm(b: NetBuilder, x: Ref, scope: string): Ref {
  const c = b.channels(x);
  return b.add({ kind: 'batchnorm' }, [x], scope, [
    fill(`${scope}.weight`, [c], 1, true),
    fill(`${scope}.bias`, [c], 0, true),
    fill(`${scope}.running_mean`, [c], 0, false),
    fill(`${scope}.running_var`, [c], 1, false),
  ]);
}

export const relu = (b: NetBuilder, x: Ref, scope: string): Ref => b.add({ kind: 'relu' }, [x], scope);

/** A bare convolution (scope `.weight`), He-initialised over its fan-in. */
export function conv(b: NetBuilder, x: Ref, scope: string, cout: number, k: [number, number], stride: [number, number], std?: number): Ref {
  const cin = b.channels(x);
  return b.add({ kind: 'conv', kernel: k, stride, cout }, [x], scope, [kernel(scope, [k[0], k[1], cin, cout], std ?? Math.sqrt(2 / (k[0] * k[1] * cin)))]);
}

export interface ConvOptions {
  kernel: number;
  stride?: number;
  /** ReLU before the conv (ReLU-Conv-BN) or after the BN (Conv-BN-ReLU). */
  relu?: 'before' | 'after' | 'none';
  bn?: boolean;
}

/** Conv (`.conv`) and batch norm (`.bn`), with a ReLU before or after: PyTorch's `ConvBN`. */
export function convBn(b: NetBuilder, x: Ref, scope: string, cout: number, o: ConvOptions): Ref {
  const { stride = 1, relu: where = 'after', bn = true } = o;
  let h = where === 'before' ? relu(b, x, scope) : x;
  h = conv(b, h, join(scope, 'conv'), cout, [o.kernel, o.kernel], [stride, stride]);
  if (bn) h = batchNorm(b, h, join(scope, 'bn'));
  return where === 'after' ? relu(b, h, scope) : h;
}

/** Depthwise k × k (`.weight` [k, k, C, 1]), dilated, stride 2 as every second pixel of the stride-1 result. */
export function depthwise(b: NetBuilder, x: Ref, scope: string, k: number, dilation: number, stride: number): Ref {
  const c = b.channels(x);
  return b.add({ kind: 'depthwise', kernel: k, dilation, subsample: stride === 2 }, [x], scope, [kernel(scope, [k, k, c, 1], Math.sqrt(2 / (k * k)))]);
}

/** ReLU, two stride-2 1 × 1 convs (the second shifted by a pixel), concatenated, BN: DARTS's FactorizedReduce. */
export function factorizedReduce(b: NetBuilder, x: Ref, scope: string, cout: number): Ref {
  const r = relu(b, x, scope);
  const a = conv(b, r, `${scope}.conv_1`, cout / 2, [1, 1], [2, 2]);
  const shifted = b.add({ kind: 'shift' }, [r], scope);
  const c = conv(b, shifted, `${scope}.conv_2`, cout / 2, [1, 1], [2, 2]);
  return batchNorm(b, b.add({ kind: 'concat' }, [a, c], scope), `${scope}.bn`);
}

/** DARTS's DilConv: ReLU, depthwise (strided, dilated), pointwise, BN. At dilation 1, one separable conv. */
export function dilConv(b: NetBuilder, x: Ref, scope: string, k: number, dilation: number, stride: number): Ref {
  const c = b.channels(x);
  const d = depthwise(b, relu(b, x, scope), `${scope}.depthwise`, k, dilation, stride);
  return batchNorm(b, conv(b, d, `${scope}.pointwise`, c, [1, 1], [1, 1]), `${scope}.bn`);
}

/** DARTS's SepConv: its DilConv at dilation 1 twice, the first strided. */
export function sepConv(b: NetBuilder, x: Ref, scope: string, k: number, stride: number): Ref {
  return dilConv(b, dilConv(b, x, `${scope}.first`, k, 1, stride), `${scope}.second`, k, 1, 1);
}

/** NASNet's factorised 7 × 7: ReLU, 1 × 7 with stride (1, s), 7 × 1 with stride (s, 1), BN. */
export function conv7x1x7(b: NetBuilder, x: Ref, scope: string, stride: number): Ref {
  const c = b.channels(x);
  const std = Math.sqrt(2 / (7 * c));
  const a = conv(b, relu(b, x, scope), `${scope}.conv_1x7`, c, [1, 7], [1, stride], std);
  return batchNorm(b, conv(b, a, `${scope}.conv_7x1`, c, [7, 1], [stride, 1], std), `${scope}.bn`);
}

/** A linear layer on [N, C] (`.weight` [C_in, units], `.bias`). */
export function dense(b: NetBuilder, x: Ref, scope: string, units: number, std: number): Ref {
  const cin = b.channels(x);
  return b.add({ kind: 'dense', units }, [x], scope, [kernel(scope, [cin, units], std), fill(`${scope}.bias`, [units], 0, true)]);
}

/** Squeeze-and-excitation: global pool, bottleneck (`.reduce`), sigmoid gate (`.expand`) per channel. */
export function squeezeExcite(b: NetBuilder, x: Ref, scope: string, squeeze: number): Ref {
  const c = b.channels(x);
  const pooled = b.add({ kind: 'mean' }, [x], scope);
  const hidden = relu(b, dense(b, pooled, `${scope}.reduce`, squeeze, Math.sqrt(2 / c)), scope);
  const gate = b.add({ kind: 'sigmoid' }, [dense(b, hidden, `${scope}.expand`, c, Math.sqrt(1 / squeeze))], scope);
  return b.add({ kind: 'scale' }, [x, gate], scope);
}

export interface SeparableOptions {
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

/** MnasNet's depthwise-separable layers: [expand,] depthwise, BN, ReLU, [SE,] project, with an identity skip where shapes match. */
export function separableBlock(b: NetBuilder, x: Ref, scope: string, o: SeparableOptions): Ref {
  const cin = b.channels(x);
  const mid = cin * o.expansion;
  let h = o.expansion > 1 ? convBn(b, x, `${scope}.expand`, mid, { kernel: 1 }) : x;
  h = relu(b, batchNorm(b, depthwise(b, h, `${scope}.depthwise`, o.kernel, 1, o.stride), `${scope}.bn`), scope);
  if (o.se > 0) h = squeezeExcite(b, h, `${scope}.se`, Math.max(1, Math.floor(cin * o.se)));
  h = convBn(b, h, `${scope}.project`, o.cout, { kernel: 1, relu: o.reluAfter ? 'after' : 'none' });
  return o.skip && o.stride === 1 && cin === o.cout ? b.add({ kind: 'add' }, [h, x], scope) : h;
}

/** Global average pooling then a linear classifier with bias (`.classifier`). */
export function classifierHead(b: NetBuilder, x: Ref, scope: string, classes: number): Ref {
  const pooled = b.add({ kind: 'mean' }, [x], scope);
  return dense(b, pooled, `${scope}.classifier`, classes, Math.sqrt(1 / b.channels(x)));
}
