import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { createSpace, SPACE_IDS } from '../../src/core/space/index';
import { buildNetwork } from '../../src/nn/build';
import { channelAffine, channelMeans } from '../../src/nn/channel-ops';
import { BuildContext, batchNorm } from '../../src/nn/layers';
import { useStepKernels, type StepKernels } from '../../src/nn/step-kernels';
import { on, seeded, tf } from './helpers';

afterEach(() => useStepKernels('fast'));

/** A tensor's values, off the backend it was computed on. */
function copyOut(t: tf.Tensor): Float32Array {
  return Float32Array.from(t.dataSync());
}

/** `a` and `b` (values read back) agree to `tolerance` relative to b's largest value (at least 1). */
function expectCloseArrays(a: Float32Array, b: Float32Array, tolerance: number, label: string): void {
  const scale = Math.max(1, ...b.map(Math.abs));
  expect(a.length, label).toBe(b.length);
  const worst = a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
  expect(worst / scale, label).toBeLessThan(tolerance);
}

/** The same, for tensors of the same shape. */
function expectClose(a: tf.Tensor, b: tf.Tensor, tolerance: number, label: string): void {
  expect(a.shape, label).toEqual(b.shape);
  expectCloseArrays(copyOut(a), copyOut(b), tolerance, label);
}

describe.each(['cpu', 'wasm'] as const)('batch norm with fewer kernels, on %s', (backend) => {
  it('channelMeans and channelAffine compute a per-channel mean and x · scale + shift', async () => {
    await on(backend);
    const x = seeded([5, 3, 4, 6], 'means') as tf.Tensor4D;
    expectClose(channelMeans(x), tf.mean(x, [0, 1, 2]), 1e-6, 'means');
    const scale = seeded([6], 'scale') as tf.Tensor1D;
    const shift = seeded([6], 'shift') as tf.Tensor1D;
    expectClose(channelAffine(x, scale, shift), tf.add(tf.mul(x, scale), shift), 1e-6, 'affine');
    expectClose(channelAffine(x, scale), tf.mul(x, scale), 1e-6, 'scale only');
  });

  it('gives v5’s output, gradients and running statistics for one layer', async () => {
    await on(backend);
    // Off-centre inputs and a non-trivial γ, β, so every term of the gradient matters.
    const x = tf.add(tf.mul(seeded([6, 5, 5, 4], 'bn-x'), 3), 0.5) as tf.Tensor4D;
    const dy = seeded([6, 5, 5, 4], 'bn-dy');
    const run = (kernels: StepKernels) => {
      useStepKernels(kernels);
      const ctx = new BuildContext(createRng('bn'));
      const norm = batchNorm(ctx, 4);
      ctx.trainable[0]!.assign(seeded([4], 'gamma'));
      ctx.trainable[1]!.assign(seeded([4], 'beta'));
      const f = (input: tf.Tensor) => tf.sum(tf.mul(norm(input as tf.Tensor4D, true), dy));
      const y = norm(x, true);
      const { value, grads } = tf.variableGrads(() => f(x) as tf.Scalar, ctx.trainable);
      const dx = tf.grad(f)(x);
      return { y, value, dGamma: grads[ctx.trainable[0]!.name]!, dBeta: grads[ctx.trainable[1]!.name]!, dx, stats: ctx.statistics.map((v) => v.clone()) };
    };
    const fast = run('fast');
    const v5 = run('v5');
    expectClose(fast.y, v5.y, 1e-5, 'output');
    expectClose(fast.dx, v5.dx, 1e-5, 'dx');
    expectClose(fast.dGamma, v5.dGamma, 1e-5, 'dγ');
    expectClose(fast.dBeta, v5.dBeta, 1e-5, 'dβ');
    fast.stats.forEach((s, k) => expectClose(s, v5.stats[k]!, 1e-5, `statistic ${k}`));
    // Not trivially equal: the gradients are not zero.
    expect(tf.max(tf.abs(fast.dx)).dataSync()[0]).toBeGreaterThan(0.01);
    expect(tf.max(tf.abs(fast.dGamma)).dataSync()[0]).toBeGreaterThan(0.01);
  });

  // The reference is v5 on the cpu backend (plain JavaScript): on an ill-conditioned layer (a
  // channel of nearly constant values) wasm's v5 strays from it by a percent where fast does not.
  it.each(SPACE_IDS)('gives the loss and gradients of v5 on cpu on sampled %s networks', async (id) => {
    const space = createSpace(id);
    const small = { height: 8, width: 8, channels: 1 };
    const input = space.checkInput(small) === null ? small : { height: 16, width: 16, channels: 1 };
    const rng = createRng(`step-kernels-${id}`);
    for (let s = 0; s < 2; s++) {
      const g = space.sample(rng);
      const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10) as tf.Tensor2D;
      // The same seed builds the same weights on every backend.
      const lossAndGrads = async (where: 'cpu' | 'wasm', kernels: StepKernels) => {
        await on(where);
        useStepKernels(kernels);
        const net = buildNetwork(space, g, input, 10, createRng(`init-${id}-${s}`));
        const x = seeded([8, input.height, input.width, 1], `x-${id}-${s}`) as tf.Tensor4D;
        const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, net.apply(x, true)) as tf.Scalar, net.ctx.trainable);
        const out = { loss: value.dataSync()[0]!, grads: net.ctx.trainable.map((v) => (grads[v.name] ? copyOut(grads[v.name]!) : null)) };
        net.ctx.dispose();
        return out;
      };
      const reference = await lossAndGrads('cpu', 'v5');
      const fast = await lossAndGrads(backend, 'fast');
      expect(Math.abs(fast.loss - reference.loss)).toBeLessThan(1e-5);
      fast.grads.forEach((grad, k) => {
        // A weight the loss does not reach (an unused op) has no gradient either way.
        expect(grad === null).toBe(reference.grads[k] === null);
        if (grad) expectCloseArrays(grad, reference.grads[k]!, 1e-4, `gradient ${k}`);
      });
    }
  });
});
