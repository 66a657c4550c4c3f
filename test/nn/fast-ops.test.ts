import { describe, expect, it } from 'vitest';
import { depthwiseSame } from '../../src/nn/depthwise-ops';
import { depthwiseConv2d } from '../../src/nn/ops';
import { maxPool } from '../../src/nn/pool-ops';
import { useStepPath, type StepPath } from '../../src/nn/step-path';
import { maxAbsDiff, on, seeded, tf } from './helpers';

/** The old path, stride 1 then every second pixel, with a subsample tfjs can differentiate at odd sizes too. */
function reference(x: tf.Tensor4D, w: tf.Tensor4D, dilation: number, stride: 1 | 2): tf.Tensor4D {
  const full = depthwiseConv2d(x, w, dilation);
  if (stride === 1) return full;
  const [n, h, wd, c] = full.shape;
  const even = tf.pad(full, [
    [0, 0],
    [0, h % 2],
    [0, wd % 2],
    [0, 0],
  ]);
  const grid = tf.reshape(even, [n, (h + (h % 2)) / 2, 2, (wd + (wd % 2)) / 2, 2, c]);
  return tf.reshape(tf.slice(grid, [0, 0, 0, 0, 0, 0], [n, -1, 1, -1, 1, c]), [n, Math.ceil(h / 2), Math.ceil(wd / 2), c]);
}

// [kernel, dilation, stride, input side]: DARTS's sep and dil convs at both strides, even and odd maps.
const CASES: Array<[number, number, 1 | 2, number]> = [
  [3, 1, 2, 8],
  [5, 1, 2, 8],
  [3, 1, 2, 7],
  [5, 1, 2, 5],
  [3, 2, 2, 8],
  [5, 2, 2, 8],
  [3, 2, 2, 7],
  [5, 2, 2, 9],
  [3, 2, 1, 8],
  [3, 3, 2, 8],
];

describe.each(['cpu', 'wasm'] as const)('depthwise convs computed at their stride, on %s', (backend) => {
  it.each(CASES)(
    'kernel %i, dilation %i, stride %i, side %i: outputs and gradients equal the stride-1-then-subsample path',
    async (k, dilation, stride, size) => {
      await on(backend);
      const x = seeded([2, size, size, 3], `x${k}${dilation}${size}`);
      const w = seeded([k, k, 3, 1], `w${k}${dilation}`);
      const dy = seeded([2, Math.ceil(size / stride), Math.ceil(size / stride), 3], `dy${k}${size}`);
      const loss = (legacy: boolean) => (a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul((legacy ? reference : depthwiseSame)(a as tf.Tensor4D, b as tf.Tensor4D, dilation, stride), dy));
      const yNew = depthwiseSame(x as tf.Tensor4D, w as tf.Tensor4D, dilation, stride);
      const yOld = reference(x as tf.Tensor4D, w as tf.Tensor4D, dilation, stride);
      expect(yNew.shape).toEqual(yOld.shape);
      expect(maxAbsDiff(yNew, yOld)).toBeLessThan(1e-5);
      const [gx, gw] = tf.grads(loss(false))([x, w]);
      const [rx, rw] = tf.grads(loss(true))([x, w]);
      expect(maxAbsDiff(gx!, rx!)).toBeLessThan(1e-5);
      expect(maxAbsDiff(gw!, rw!)).toBeLessThan(1e-4);
      // Not trivially equal: the gradient reaches the filter.
      expect(tf.max(tf.abs(gw!)).dataSync()[0]).toBeGreaterThan(0.1);
    },
  );
});

describe.each(['cpu', 'wasm'] as const)('the max-pool gradient by phases, on %s', (backend) => {
  it.each([
    [3, 1, 8],
    [3, 2, 8],
    [3, 2, 7],
    [5, 1, 6],
    [5, 2, 9],
  ])('kernel %i, stride %i, side %i: equals the legacy gradient, ties included', async (k, stride, size) => {
    await on(backend);
    // Values on a coarse grid, so that windows hold tied maxima.
    const x = tf.round(tf.mul(seeded([2, size, size, 3], `pool${k}${stride}${size}`), 2));
    const dy = seeded([2, Math.ceil(size / stride), Math.ceil(size / stride), 3], `pool-dy${size}`);
    const grad = (path: StepPath) => {
      useStepPath(path);
      return tf.grad((a: tf.Tensor) => tf.sum(tf.mul(maxPool(a as tf.Tensor4D, k, stride), dy)))(x);
    };
    try {
      const legacy = grad('legacy');
      expect(maxAbsDiff(grad('fast'), legacy)).toBe(0);
      expect(tf.max(tf.abs(legacy)).dataSync()[0]).toBeGreaterThan(0.1);
    } finally {
      useStepPath('fast');
    }
  });
});
