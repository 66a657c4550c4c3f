import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../core/rng';
import { channelAffine, channelMeans } from './channel-ops';
import { stepKernels } from './step-kernels';

/**
 * A tiny functional layer kit. Weights are created from the seeded stream in build order, so the
 * same genotype and seed give the same initial weights on every backend; `countMacs` records the
 * multiply–accumulates from the shapes actually computed, to check the space's analytic cost.
 */
export class BuildContext {
  readonly trainable: tf.Variable[] = [];
  /** Batch-norm running statistics: state, not trained by gradients. */
  readonly statistics: tf.Variable[] = [];
  /** Set during one forward pass to count multiply–accumulates from real shapes. */
  counting = false;
  macs = 0;
  /**
   * How batch norm in training mode treats its running statistics: `momentum` (the default, 0.1),
   * an exact running average (`1 / (t + 1)` for the t-th batch, to recalibrate a sub-network of a
   * supernet), or frozen (score a sub-network with batch statistics without changing the state).
   */
  statisticsMode: { kind: 'momentum' } | { kind: 'average'; batches: number } | { kind: 'frozen' } = { kind: 'momentum' };

  constructor(private readonly rng: Rng) {}

  weight(shape: number[], std: number): tf.Variable {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(size);
    for (let i = 0; i < size; i++) values[i] = this.rng.normal() * std;
    // Inside tidy, so the initial tensor is freed and only the variable remains.
    const v = tf.tidy(() => tf.variable(tf.tensor(values, shape), true));
    this.trainable.push(v);
    return v;
  }

  constant(shape: number[], value: number, trainable: boolean): tf.Variable {
    const v = tf.tidy(() => tf.variable(tf.fill(shape, value), trainable));
    (trainable ? this.trainable : this.statistics).push(v);
    return v;
  }

  countMacs(n: number): void {
    if (this.counting) this.macs += n;
  }

  dispose(): void {
    for (const v of [...this.trainable, ...this.statistics]) v.dispose();
  }
}

export type Layer = (x: tf.Tensor4D, training: boolean) => tf.Tensor4D;

const BN_MOMENTUM = 0.1;
const BN_EPSILON = 1e-5;

/** Per-channel sums of an NHWC tensor as one matMul with a row of ones: far cheaper than a reduce over N, H, W on wasm. */
function channelSums(x: tf.Tensor, ones: tf.Tensor2D): tf.Tensor1D {
  const channels = x.shape[x.rank - 1]!;
  return tf.reshape(tf.matMul(ones, tf.reshape(x, [-1, channels])), [channels]);
}

type Moments = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/**
 * Batch norm over N, H, W. In training it normalises with the batch's moments, updates the running
 * moments, and backpropagates with the closed-form gradient, written as per-channel coefficients
 * so each pass touches the full-size tensors only a few times. Which kernels compute it follows
 * src/nn/step-kernels.ts.
 */
export function batchNorm(ctx: BuildContext, channels: number): Layer {
  const gamma = ctx.constant([channels], 1, true);
  const beta = ctx.constant([channels], 0, true);
  const runningMean = ctx.constant([channels], 0, false);
  const runningVar = ctx.constant([channels], 1, false);
  const updateRunning = (mean: tf.Tensor, variance: tf.Tensor) => {
    const mode = ctx.statisticsMode;
    if (mode.kind === 'frozen') return;
    const m = mode.kind === 'average' ? 1 / (mode.batches + 1) : BN_MOMENTUM;
    runningMean.assign(tf.add(tf.mul(runningMean, 1 - m), tf.mul(mean, m)));
    runningVar.assign(tf.add(tf.mul(runningVar, 1 - m), tf.mul(variance, m)));
  };
  const v5 = v5Training(channels, updateRunning);
  const fast = fastTraining(channels, updateRunning);
  return (x, training) =>
    (training ? (stepKernels() === 'fast' ? fast : v5)(x, gamma, beta) : tf.batchNorm(x, runningMean, runningVar, beta, gamma, BN_EPSILON)) as tf.Tensor4D;
}

/** Training-mode batch norm as link version 5 computed it (channel sums as matMuls, elementwise chains); kept so older links replay. */
function v5Training(channels: number, updateRunning: (mean: tf.Tensor, variance: tf.Tensor) => void): Moments {
  return tf.customGrad(((x: tf.Tensor, g: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
    const n = x.size / channels;
    const ones = tf.ones([1, n]) as tf.Tensor2D;
    const mean = tf.div(channelSums(x, ones), n);
    const variance = tf.relu(tf.sub(tf.div(channelSums(tf.square(x), ones), n), tf.square(mean)));
    const invStd = tf.rsqrt(tf.add(variance, BN_EPSILON));
    const scale = tf.mul(g, invStd);
    updateRunning(mean, variance);
    save([x, mean, invStd, g, ones]);
    return {
      value: tf.add(tf.mul(x, scale), tf.sub(b, tf.mul(mean, scale))),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, mu, inv, gam, one] = saved as [tf.Tensor, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D, tf.Tensor2D];
        const dBeta = channelSums(dy, one);
        // Σ dy·x̂ = inv · (Σ dy·x − μ · Σ dy)
        const dGamma = tf.mul(inv, tf.sub(channelSums(tf.mul(dy, xs), one), tf.mul(mu, dBeta)));
        // dx = γ·inv · (dy − Σdy/n − x̂ · Σ dy·x̂ / n) = k1·dy + k2·x + k3, per channel.
        const k1 = tf.mul(gam, inv);
        const k2 = tf.neg(tf.div(tf.mul(tf.mul(k1, inv), dGamma), n));
        const k3 = tf.sub(tf.neg(tf.div(tf.mul(k1, dBeta), n)), tf.mul(k2, mu));
        const dx = tf.add(tf.mul(dy, k1), tf.add(tf.mul(xs, k2), k3));
        return [dx, dGamma, dBeta];
      },
    };
  }) as never) as Moments;
}

/**
 * Training-mode batch norm in fewer kernels: channel means as average pools (no matMul, no
 * division), the output as one per-channel affine kernel, and dx as two of them and an add.
 */
function fastTraining(channels: number, updateRunning: (mean: tf.Tensor, variance: tf.Tensor) => void): Moments {
  return tf.customGrad(((x: tf.Tensor, g: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
    const x4 = x as tf.Tensor4D;
    const mean = channelMeans(x4);
    const variance = tf.relu(tf.sub(channelMeans(tf.square(x4)), tf.square(mean)));
    const invStd = tf.rsqrt(tf.add(variance, BN_EPSILON));
    const scale = tf.mul(g, invStd) as tf.Tensor1D;
    updateRunning(mean, variance);
    save([x4, mean, invStd, scale]);
    return {
      value: channelAffine(x4, scale, tf.sub(b, tf.mul(mean, scale))),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, mu, inv, k1] = saved as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
        const dy4 = dy as tf.Tensor4D;
        const n = xs.size / channels;
        const dyMean = channelMeans(dy4);
        // mean of dy·(x − μ) = mean(dy·x) − μ · mean(dy); dγ = Σ dy·x̂ = n · inv · that.
        const centred = tf.sub(channelMeans(tf.mul(dy4, xs)), tf.mul(mu, dyMean));
        const dGamma = tf.mul(inv, tf.mul(centred, n));
        const dBeta = tf.mul(dyMean, n);
        // dx = k1·dy + k2·x + k3 per channel (as in v5): k2 = −k1·inv²·centred, k3 = −k1·mean(dy) − k2·μ.
        const k2 = tf.neg(tf.mul(tf.mul(k1, tf.square(inv)), centred)) as tf.Tensor1D;
        const k3 = tf.neg(tf.add(tf.mul(k1, dyMean), tf.mul(k2, mu))) as tf.Tensor1D;
        const dx = tf.add(channelAffine(dy4, k1), channelAffine(xs, k2, k3));
        return [dx, dGamma, dBeta];
      },
    };
  }) as never) as Moments;
}

export function countParams(variables: readonly tf.Variable[]): number {
  return variables.reduce((sum, v) => sum + v.size, 0);
}
