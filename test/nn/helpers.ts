import * as tf from '@tensorflow/tfjs';
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
