import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import type { Network } from '../../src/nn/network';
import type { ChooseEdge, Supernet } from '../../src/nn/supernet/index';
import { createRng } from '../../src/core/rng';
import { useNodeBackend, type NodeBackend } from '../../src/nn/backend-node';

export { tf };

export async function on(backend: NodeBackend): Promise<void> {
  await useNodeBackend(backend);
}

/** A tensor of seeded uniform values in [-1, 1). */
export function seeded(shape: number[], seed: string): tf.Tensor {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, () => rng.next() * 2 - 1),
    shape,
  );
}

/** Copies a tensor's values onto the current backend. */
export function copy(t: tf.Tensor): tf.Tensor {
  return tf.tensor(t.dataSync(), t.shape);
}

export function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(copy(a), copy(b)))).dataSync()[0]!);
}

/** Gives the stand-alone network the supernet's weights for `g`, after checking both hold the same shapes in the same order. */
export function shareWeights(supernet: Pick<Supernet, 'variablesOf'>, g: unknown, net: Network): void {
  const own = supernet.variablesOf(g);
  expect(own.trainable.map((v) => v.shape)).toEqual(net.ctx.trainable.map((v) => v.shape));
  expect(own.statistics.map((v) => v.shape)).toEqual(net.ctx.statistics.map((v) => v.shape));
  net.ctx.trainable.forEach((v, k) => v.assign(own.trainable[k]!));
  net.ctx.statistics.forEach((v, k) => v.assign(own.statistics[k]!));
}

/** The supernet along `path` and the stand-alone network compute the same, with batch statistics frozen (training) and updated (inference). */
export function expectSameInBothModes(supernet: Supernet, net: Network, x: tf.Tensor4D, path: ChooseEdge, label: string): void {
  for (const training of [false, true]) {
    const mode = training ? 'frozen' : 'momentum';
    supernet.ctx.statisticsMode = { kind: mode } as never;
    net.ctx.statisticsMode = { kind: mode } as never;
    const a = tf.tidy(() => supernet.apply(x, training, path));
    const b = tf.tidy(() => net.apply(x, training));
    expect(maxAbsDiff(a, b), `${label} (training ${training})`).toBeLessThan(1e-4);
    tf.dispose([a, b]);
  }
}
