import { describe, expect, it } from 'vitest';
import { conv2d } from '../../src/nn/ops';
import { avgPool, maxPool, useAvgPoolGradient } from '../../src/nn/pool-ops';
import { copy, maxAbsDiff, on, seeded, tf } from './helpers';

/** Reference gradients: tfjs's own kernels on the cpu backend (correct, if slow). */
async function reference<T>(fn: () => T): Promise<T> {
  const previous = tf.getBackend();
  await on('cpu');
  const out = fn();
  await on(previous as 'cpu' | 'wasm');
  return out;
}

/**
 * The gradient of Σ y² for an average pool with 'same' padding that leaves padded cells out of the
 * count, in plain float64: each output spreads 2y / count over the cells of its window. tfjs's own
 * kernel is no reference here: it averages over the count going forward but divides by k² going back.
 */
function avgPoolSquareGrad(x: Float32Array, [n, size, , c]: [number, number, number, number], k: number, stride: number): Float32Array {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + k - size, 0);
  const before = Math.floor(total / 2);
  const dx = new Float32Array(x.length);
  const at = (b: number, r: number, q: number, ch: number) => ((b * size + r) * size + q) * c + ch;
  for (let b = 0; b < n; b++)
    for (let i = 0; i < out; i++)
      for (let j = 0; j < out; j++)
        for (let ch = 0; ch < c; ch++) {
          const cells: number[] = [];
          for (let r = i * stride - before; r < i * stride - before + k; r++)
            for (let q = j * stride - before; q < j * stride - before + k; q++) if (r >= 0 && r < size && q >= 0 && q < size) cells.push(at(b, r, q, ch));
          const y = cells.reduce((s, p) => s + x[p]!, 0) / cells.length;
          for (const p of cells) dx[p] = dx[p]! + (2 * y) / cells.length;
        }
  return dx;
}

// 'valid': no padding; at stride 2 on an even side the filter gradient crops the input, at stride 1 it does not.
const CONV_CASES: Array<[number, number, number, 'same' | 'valid']> = [
  [3, 1, 8, 'same'],
  [5, 1, 8, 'same'],
  [1, 1, 5, 'same'],
  [3, 2, 8, 'same'],
  [3, 2, 7, 'same'],
  [1, 2, 8, 'same'],
  [3, 1, 8, 'valid'],
  [3, 2, 8, 'valid'],
];

describe.each(['cpu', 'wasm'] as const)('our gradients on %s', (backend) => {
  it.each(CONV_CASES)('conv: kernel %i, stride %i, input side %i, %s padding matches the reference', async (k, stride, size, padding) => {
    await on(backend);
    const x = seeded([2, size, size, 3], `x${padding === 'valid' ? 'v' : ''}${k}${stride}`);
    const w = seeded([k, k, 3, 4], `w${padding === 'valid' ? 'v' : ''}${k}${stride}`);
    const loss = (f: typeof conv2d) => (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(f(a as tf.Tensor4D, b as tf.Tensor4D, stride, padding)));
    const [gx, gw] = tf.grads(loss(conv2d))([x, w]);
    const [rx, rw] = await reference(() => tf.grads(loss((a, b, s, p) => tf.conv2d(a, b, s, p)))([copy(x), copy(w)]));
    expect(maxAbsDiff(gx!, rx!)).toBeLessThan(1e-3);
    expect(maxAbsDiff(gw!, rw!)).toBeLessThan(1e-3);
    // The forward pass is tfjs's own, so only the gradients are ours; still, check it matches too.
    const y = conv2d(x as tf.Tensor4D, w as tf.Tensor4D, stride, padding);
    const ry = await reference(() => tf.conv2d(copy(x) as tf.Tensor4D, copy(w) as tf.Tensor4D, stride, padding));
    expect(y.shape).toEqual(ry.shape);
    expect(maxAbsDiff(y, ry)).toBeLessThan(1e-4);
  });

  it.each([
    [3, 1, 6],
    [3, 2, 6],
    [2, 2, 6],
    [3, 2, 7],
  ])('pools: window %i, stride %i, input side %i match the reference', async (k, stride, size) => {
    await on(backend);
    // Distinct values: with ties, any split of the gradient is a valid subgradient.
    const x = seeded([2, size, size, 3], `pool${k}${stride}${size}`);
    const [gMax] = tf.grads((a: tf.Tensor) => tf.sum(tf.square(maxPool(a as tf.Tensor4D, k, stride))))([x]);
    const [gAvg] = tf.grads((a: tf.Tensor) => tf.sum(tf.square(avgPool(a as tf.Tensor4D, k, stride))))([x]);
    const [rMax, yAvg] = await reference(() => [
      tf.grads((a: tf.Tensor) => tf.sum(tf.square(tf.maxPool(a as tf.Tensor4D, k, stride, 'same'))))([copy(x)])[0]!,
      tf.avgPool(copy(x) as tf.Tensor4D, k, stride, 'same'),
    ]);
    expect(maxAbsDiff(gMax!, rMax)).toBeLessThan(1e-5);
    expect(maxAbsDiff(avgPool(x as tf.Tensor4D, k, stride), yAvg)).toBeLessThan(1e-5);
    const rAvg = tf.tensor(avgPoolSquareGrad(x.dataSync() as Float32Array, x.shape as [number, number, number, number], k, stride), x.shape);
    expect(maxAbsDiff(gAvg!, rAvg)).toBeLessThan(1e-5);
  });

  it('keeps tfjs’s border gradient of average pooling only when asked (experiments of older links)', async () => {
    await on(backend);
    const x = seeded([1, 5, 5, 2], 'legacy-pool');
    const ours = () => tf.grads((a: tf.Tensor) => tf.sum(tf.square(avgPool(a as tf.Tensor4D, 3, 1))))([x])[0]!;
    const theirs = tf.grads((a: tf.Tensor) => tf.sum(tf.square(tf.avgPool(a as tf.Tensor4D, 3, 1, 'same'))))([x])[0]!;
    try {
      useAvgPoolGradient('tfjs');
      expect(maxAbsDiff(ours(), theirs)).toBe(0);
    } finally {
      useAvgPoolGradient('exact');
    }
    expect(maxAbsDiff(ours(), theirs)).toBeGreaterThan(1e-3);
  });

  it.each([
    [5, 1, 8],
    [5, 2, 8],
    [5, 2, 7],
  ])('5 × 5 max pool (NASNet’s): window %i, stride %i, input side %i matches the reference to float32 rounding', async (k, stride, size) => {
    await on(backend);
    const x = seeded([2, size, size, 3], `pool${k}${stride}${size}`);
    const [g] = tf.grads((a: tf.Tensor) => tf.sum(tf.square(maxPool(a as tf.Tensor4D, k, stride))))([x]);
    const [r] = await reference(() => [tf.grads((a: tf.Tensor) => tf.sum(tf.square(tf.maxPool(a as tf.Tensor4D, k, stride, 'same'))))([copy(x)])[0]!]);
    // A pixel can be the maximum of up to 25 windows: its gradient sums that many terms, so compare relative to the largest.
    const scale = tf.tidy(() => tf.max(tf.abs(copy(r!))).dataSync()[0]!);
    expect(scale).toBeGreaterThan(1);
    expect(maxAbsDiff(g!, r!)).toBeLessThan(1e-6 * scale);
  });

  it('splits a max-pool gradient evenly among tied maxima', async () => {
    await on(backend);
    const x = tf.ones([1, 3, 3, 1]);
    const [g] = tf.grads((a: tf.Tensor) => tf.sum(maxPool(a as tf.Tensor4D, 3, 3)))([x]);
    const values = Array.from(g!.dataSync());
    values.forEach((v) => expect(v).toBeCloseTo(1 / 9, 6));
  });
});

describe('batch norm with its closed-form gradient', () => {
  it.each(['cpu', 'wasm'] as const)('matches differentiating the moments op by op, on %s', async (backend) => {
    await on(backend);
    const { BuildContext, batchNorm } = await import('../../src/nn/layers');
    const { createRng } = await import('../../src/core/rng');
    const ctx = new BuildContext(createRng('bn'));
    const bn = batchNorm(ctx, 3);
    const [gamma, beta] = ctx.trainable as [tf.Variable, tf.Variable];
    gamma.assign(tf.tensor1d([0.5, 1.5, -2]));
    beta.assign(tf.tensor1d([0.1, -0.3, 0.7]));
    const x = seeded([4, 3, 3, 3], 'bn-x');
    const weights = seeded([4, 3, 3, 3], 'bn-weights');
    const ours = tf.variableGrads(() => tf.sum(tf.mul(bn(x as tf.Tensor4D, true), weights)) as tf.Scalar, [gamma, beta]);
    const oursDx = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(bn(a as tf.Tensor4D, true), weights)))(x);
    const plain = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const { mean, variance } = tf.moments(a, [0, 1, 2]);
      return tf.sum(tf.mul(tf.add(tf.mul(tf.div(tf.sub(a, mean), tf.sqrt(tf.add(variance, 1e-5))), g), b), weights));
    };
    const [rx, rg, rb] = tf.grads(plain)([x, gamma, beta]);
    expect(maxAbsDiff(oursDx, rx!)).toBeLessThan(1e-4);
    expect(maxAbsDiff(ours.grads[gamma.name]!, rg!)).toBeLessThan(1e-4);
    expect(maxAbsDiff(ours.grads[beta.name]!, rb!)).toBeLessThan(1e-4);
    // Running moments moved towards the batch's: mean by 10 %.
    const [runningMean] = ctx.statistics as [tf.Variable];
    const batchMean = tf.mean(x, [0, 1, 2]);
    expect(maxAbsDiff(runningMean, tf.mul(batchMean, 1 - 0.9 ** 2))).toBeLessThan(1e-5);
    ctx.dispose();
  });
});

describe.each(['cpu', 'wasm'] as const)('depthwise and anisotropic convs on %s', (backend) => {
  it.each([
    [3, 1],
    [5, 1],
    [3, 2],
    [5, 2],
  ])('depthwise, kernel %i, dilation %i, matches the reference', async (k, dilation) => {
    await on(backend);
    const { depthwiseConv2d } = await import('../../src/nn/ops');
    const x = seeded([2, 8, 8, 3], `dw-x${k}${dilation}`);
    const w = seeded([k, k, 3, 1], `dw-w${k}${dilation}`);
    const loss = (f: (a: tf.Tensor4D, b: tf.Tensor4D) => tf.Tensor) => (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(f(a as tf.Tensor4D, b as tf.Tensor4D)));
    const [gx, gw] = tf.grads(loss((a, b) => depthwiseConv2d(a, b, dilation)))([x, w]);
    // tfjs has no gradient for dilated depthwise convs: the reference spreads the kernel with zeros instead.
    const spread = (b: tf.Tensor4D): tf.Tensor4D => {
      if (dilation === 1) return b;
      const grid = tf.pad(tf.reshape(b, [k, 1, k, 1, 3, 1]), [
        [0, 0],
        [0, dilation - 1],
        [0, 0],
        [0, dilation - 1],
        [0, 0],
        [0, 0],
      ]);
      const eff = (k - 1) * dilation + 1;
      return tf.slice(tf.reshape(grid, [k * dilation, k * dilation, 3, 1]) as tf.Tensor4D, [0, 0, 0, 0], [eff, eff, 3, 1]);
    };
    const [rx, rw] = await reference(() => tf.grads(loss((a, b) => tf.depthwiseConv2d(a, spread(b), 1, 'same')))([copy(x), copy(w)]));
    expect(maxAbsDiff(gx!, rx!)).toBeLessThan(1e-3);
    expect(maxAbsDiff(gw!, rw!)).toBeLessThan(1e-3);
  });

  it('conv 1×7 with stride (1, 2) matches the reference', async () => {
    await on(backend);
    const x = seeded([2, 8, 8, 3], 'aniso-x');
    const w = seeded([1, 7, 3, 4], 'aniso-w');
    const loss = (f: (a: tf.Tensor4D, b: tf.Tensor4D) => tf.Tensor) => (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(f(a as tf.Tensor4D, b as tf.Tensor4D)));
    const [gx, gw] = tf.grads(loss((a, b) => conv2d(a, b, [1, 2], 'same')))([x, w]);
    const [rx, rw] = await reference(() => tf.grads(loss((a, b) => tf.conv2d(a, b, [1, 2], 'same')))([copy(x), copy(w)]));
    expect(maxAbsDiff(gx!, rx!)).toBeLessThan(1e-3);
    expect(maxAbsDiff(gw!, rw!)).toBeLessThan(1e-3);
  });
});
