import * as tf from '@tensorflow/tfjs-core';
import { mnasExpansion, stageShape, type MnasGenotype, type MnasSettings, type MnasStage } from '../core/space/mnas';
import type { InputShape } from '../core/space/types';
import { batchNorm, BuildContext, classifierHead, convLayer, type Layer } from './layers';
import { depthwiseConv2d, subsample2 } from './ops';
import { stackNetwork, type Network } from './network';

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

/** One layer of a stage: conv, depthwise-separable conv or MBConv, with optional SE and identity skip. */
function block(ctx: BuildContext, stage: MnasStage, cin: number, cout: number, stride: number): Layer {
  const k = stage.kernel;
  if (stage.conv === 'conv') {
    const conv = convLayer(ctx, cin, cout, { kernel: k, stride });
    return (x, training) => conv(x, training);
  }
  const e = stage.conv === 'sepconv' ? 1 : mnasExpansion(stage.conv);
  const mid = cin * e;
  const expand = e > 1 ? convLayer(ctx, cin, mid, { kernel: 1 }) : null;
  const dw = ctx.weight([k, k, mid, 1], Math.sqrt(2 / (k * k)));
  const dwNorm = batchNorm(ctx, mid);
  const se = stage.se > 0 ? squeezeExcite(ctx, mid, Math.max(1, Math.floor(cin * stage.se))) : null;
  const project = convLayer(ctx, mid, cout, { kernel: 1, relu: stage.conv === 'sepconv' ? 'after' : 'none' });
  const residual = stage.skip === 'identity' && stride === 1 && cin === cout;
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

export function buildMnas(g: MnasGenotype, settings: MnasSettings, input: InputShape, classes: number, ctx: BuildContext): Network {
  const stem = convLayer(ctx, input.channels, settings.stemChannels, { kernel: 3 });
  const layers: Layer[] = [];
  let cin = settings.stemChannels;
  g.stages.forEach((stage, i) => {
    const { width, layers: count } = stageShape(settings, i, stage);
    for (let l = 0; l < count; l++) {
      layers.push(block(ctx, stage, cin, width, l === 0 ? settings.strides[i]! : 1));
      cin = width;
    }
  });
  const head = classifierHead(ctx, cin, classes);
  return stackNetwork(ctx, stem, layers, head);
}
