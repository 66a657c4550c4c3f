import * as tf from '@tensorflow/tfjs-core';
import { resolutionOpId, type ResolutionGenotype, type ResolutionSettings } from '../core/space/resolution';
import type { InputShape } from '../core/space/types';
import { BuildContext, classifierHead, convLayer, type Layer } from './layers';
import { buildOp } from './op-factories';
import { stackNetwork, type Network } from './network';

/** Nearest-neighbour ×2 upsampling by broadcasting, so its gradient is a plain sum on every backend. */
function upsample2(x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  return tf.reshape(tf.mul(tf.reshape(x, [n, h, 1, w, 1, c]), tf.ones([1, 1, 2, 1, 2, 1])), [n, 2 * h, 2 * w, c]);
}

export function buildResolution(g: ResolutionGenotype, settings: ResolutionSettings, input: InputShape, classes: number, ctx: BuildContext): Network {
  const channels = (r: number) => settings.channels * 2 ** r;
  const stem = convLayer(ctx, input.channels, settings.channels, { kernel: 3 });
  const layers: Layer[] = [];
  let level = 0;
  for (const next of g.path) {
    const cin = channels(level);
    const cout = channels(next);
    let transition: Layer = (x) => x;
    if (next > level) transition = convLayer(ctx, cin, cout, { kernel: 3, stride: 2 });
    else if (next < level) {
      const conv = convLayer(ctx, cin, cout, { kernel: 1 });
      transition = (x, training) => conv(upsample2(x), training);
    }
    const block = buildOp(ctx, resolutionOpId(g.block), { cin: cout, cout, stride: 1 })!;
    layers.push((x, training) => {
      const t = transition(x, training);
      return tf.add(t, block(t, training));
    });
    level = next;
  }
  const head = classifierHead(ctx, channels(level), classes);
  return stackNetwork(ctx, stem, layers, head);
}
