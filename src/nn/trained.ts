import * as tf from '@tensorflow/tfjs-core';
import type { ModelAbout, TrainedModel } from '../core/net/types';
import type { Network } from './network';

/** A network's layer graph with its weights read out of the backend: plain data that outlives the network. */
export async function readTrained(net: Network, about: ModelAbout): Promise<TrainedModel> {
  const weights = await Promise.all(net.variables.map(async (v) => new Float32Array(await v.data<'float32'>())));
  return { graph: net.graph, weights, about };
}

/** Writes a trained model's weights into a network built from the same graph. */
export function loadTrained(net: Network, model: TrainedModel): void {
  if (net.variables.length !== model.weights.length)
    throw new Error(`The model has ${model.weights.length} weights where its network has ${net.variables.length}.`);
  net.variables.forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(model.weights[i]!, v.shape))));
}
