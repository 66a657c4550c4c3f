import type * as tf from '@tensorflow/tfjs-core';
import type { BuildContext, Layer } from './layers';

/** A built model: its variables live in `ctx`; `apply` maps NHWC images to class logits. */
export interface Network {
  ctx: BuildContext;
  apply(x: tf.Tensor4D, training: boolean): tf.Tensor2D;
}

/** The common shape of a network: a stem, blocks applied in order, a head that makes the logits. */
export function stackNetwork(ctx: BuildContext, stem: Layer, blocks: readonly Layer[], head: (h: tf.Tensor4D, training: boolean) => tf.Tensor2D): Network {
  return {
    ctx,
    apply(x, training) {
      let h = stem(x, training);
      for (const block of blocks) h = block(h, training);
      return head(h, training);
    },
  };
}
