import * as tf from '@tensorflow/tfjs-core';
import type { InputShape } from '../core/space/types';
import type { Network } from './network';

/**
 * Time of one forward pass of `run` on a zero input of `shape`, in ms: the median (or the fastest)
 * of `runs` timed passes after `warmup` untimed ones, each waiting for its result to be read back.
 */
export async function timeForward(
  run: (x: tf.Tensor4D) => tf.Tensor,
  shape: [number, number, number, number],
  runs = 9,
  warmup = 2,
  pick: 'median' | 'min' = 'median',
): Promise<number> {
  const x = tf.zeros(shape) as tf.Tensor4D;
  const times: number[] = [];
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const start = performance.now();
      const y = tf.tidy(() => run(x));
      await y.data();
      y.dispose();
      if (i >= warmup) times.push(performance.now() - start);
    }
  } finally {
    x.dispose();
  }
  times.sort((a, b) => a - b);
  return pick === 'min' ? times[0]! : times[Math.floor(times.length / 2)]!;
}

/** Inference latency of one example on the current backend, in ms (as `timeForward`). */
export async function measureLatency(net: Network, input: InputShape, runs = 9, warmup = 2): Promise<number> {
  return timeForward((x) => net.apply(x, false), [1, input.height, input.width, input.channels], runs, warmup);
}
