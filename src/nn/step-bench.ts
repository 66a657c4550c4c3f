import type * as tfType from '@tensorflow/tfjs-core';
import { createRng } from '../core/rng';
import { ChainSpace } from '../core/space/chain';
import { buildNetwork } from './build';
import { Optimizer } from './optimizer';

/** The benchmark net: two 3×3 conv-BN-ReLU layers (16, 32 channels), global pooling, linear; 16×16×1 input, batch 32. */
export const BENCH_NET = 'conv3x3-16|conv3x3-32';
export const BENCH_INPUT = { height: 16, width: 16, channels: 1 };
export const BENCH_BATCH = 32;
export const BENCH_CLASSES = 10;

/** The chain space the bench net lives in. */
export function benchSpace(): ChainSpace {
  return new ChainSpace({ depth: 2, widths: [16, 32] });
}

/**
 * Milliseconds per training step (forward, backward, SGD-momentum update) after warm-up, the
 * losses read back once at the end as the trainer reads them once an epoch.
 */
export async function msPerStep(tf: typeof tfType, steps: number, warmup = 3): Promise<number> {
  const space = benchSpace();
  const g = space.decode(BENCH_NET);
  const rng = createRng('bench');
  const net = buildNetwork(space, g, BENCH_INPUT, BENCH_CLASSES, rng.fork('init'));
  const optimizer = new Optimizer('sgd', net.ctx.trainable, 5e-4);
  const data = rng.fork('data');
  const x = tf.tensor4d(
    Float32Array.from({ length: BENCH_BATCH * 256 }, () => data.next()),
    [BENCH_BATCH, 16, 16, 1],
  );
  const y = tf.oneHot(
    tf.tensor1d(
      Int32Array.from({ length: BENCH_BATCH }, () => data.int(BENCH_CLASSES)),
      'int32',
    ),
    BENCH_CLASSES,
  );
  // Losses stay on the device and are read once at the end, as the trainer reads them once an epoch.
  const losses: tfType.Scalar[] = [];
  const step = () => {
    const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, net.apply(x, true)) as tfType.Scalar, net.ctx.trainable);
    optimizer.apply(grads, 0.05);
    losses.push(value);
    tf.dispose(Object.values(grads));
  };
  const drain = async () => {
    const stacked = tf.stack(losses.splice(0));
    await stacked.data();
    tf.dispose([stacked]);
  };
  try {
    for (let i = 0; i < warmup; i++) step();
    await drain();
    const start = performance.now();
    for (let i = 0; i < steps; i++) step();
    await drain();
    return (performance.now() - start) / steps;
  } finally {
    tf.dispose(losses);
    optimizer.dispose();
    net.ctx.dispose();
    tf.dispose([x, y]);
  }
}
