import * as tf from '@tensorflow/tfjs-core';
import type { TrainedModel } from '../core/net/types';
import { createRng } from '../core/rng';
import { networkOf } from './build';
import type { Network } from './network';
import { loadTrained } from './trained';

/** A kept model made runnable again: its network rebuilt from the layer graph, its weights written in. */
export class Predictor {
  private readonly net: Network;

  constructor(readonly model: TrainedModel) {
    // The initial draw is overwritten at once; its seed does not matter.
    this.net = networkOf(model.graph, createRng('predictor'));
    loadTrained(this.net, model);
  }

  /** Class probabilities of a batch in the playground's layout (N × H × W × C, flattened), N × classes. */
  async probabilities(x: Float32Array): Promise<Float32Array> {
    const { height, width, channels } = this.model.graph.input;
    const n = x.length / (height * width * channels);
    const p = tf.tidy(() => tf.softmax(this.net.apply(tf.tensor4d(x, [n, height, width, channels]), false)));
    const out = (await p.data()) as Float32Array;
    p.dispose();
    return out;
  }

  dispose(): void {
    this.net.ctx.dispose();
  }
}
