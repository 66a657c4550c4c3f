import * as tf from '@tensorflow/tfjs-core';
import type { ChooseEdge, Supernet } from '../../nn/supernet/index';
import { crossEntropy, type Batch } from './common';

/**
 * DARTS's second-order α gradient (Liu et al. 2019, eq. 7–8): the gradient of L_val(w′, α) with
 * w′ = w − ξ (∇w L_train(w, α) + λw) (one virtual step, weight decay λ on kernels), which is
 * ∇α L_val(w′, α) − ξ ∇²α,w L_train(w, α) ∇w′ L_val(w′, α); the second term as the finite difference
 * (∇α L_train(w⁺) − ∇α L_train(w⁻)) / 2ε, w± = w ± ε ∇w′ L_val, ε = 0.01 / ‖∇w′ L_val‖. The
 * weights are left as they were. `choose` makes the mixed ops anew inside each gradient scope.
 */
export async function unrolledGradient(
  supernet: Supernet,
  alpha: tf.Variable,
  choose: () => ChooseEdge,
  val: Batch,
  train: Batch,
  xi: number,
  weightDecay: number,
): Promise<tf.Tensor> {
  return (await unrolledGradients(supernet, [alpha], choose, val, train, xi, weightDecay))[0]!;
}

/** The same for several architecture variables at once (α and Auto-DeepLab's β), one gradient each. */
export async function unrolledGradients(
  supernet: Supernet,
  arch: readonly tf.Variable[],
  choose: () => ChooseEdge,
  val: Batch,
  train: Batch,
  xi: number,
  weightDecay: number,
): Promise<tf.Tensor[]> {
  const weights = supernet.ctx.trainable;
  const saved = weights.map((w) => tf.clone(w));
  const restore = () => tf.tidy(() => weights.forEach((w, i) => w.assign(saved[i]!)));
  try {
    const step = tf.variableGrads(() => crossEntropy(supernet, train, choose()), weights);
    tf.tidy(() =>
      weights.forEach((w) => {
        const g = step.grads[w.name];
        if (g) w.assign(tf.sub(w, tf.mul(tf.add(g, tf.mul(w, w.rank > 1 ? weightDecay : 0)), xi)));
      }),
    );
    tf.dispose([step.value, ...Object.values(step.grads)]);
    const valGrads = tf.variableGrads(() => crossEntropy(supernet, val, choose()), [...arch, ...weights]);
    restore();
    const dW = weights.map((w) => valGrads.grads[w.name] ?? null);
    // Read back asynchronously: a synchronous read stalls (or fails) on WebGPU.
    const squares = tf.tidy(() => tf.addN(dW.flatMap((g) => (g ? [tf.sum(tf.square(g))] : [])).concat(tf.scalar(0))));
    const norm = Math.sqrt((await squares.data())[0]!);
    squares.dispose();
    const eps = 0.01 / Math.max(norm, 1e-12);
    const archGradAt = (sign: number): tf.Tensor[] => {
      tf.tidy(() => weights.forEach((w, i) => dW[i] && w.assign(tf.add(saved[i]!, tf.mul(dW[i]!, sign * eps)))));
      const { value, grads } = tf.variableGrads(() => crossEntropy(supernet, train, choose()), [...arch]);
      value.dispose();
      return arch.map((a) => grads[a.name]!);
    };
    const plus = archGradAt(1);
    const minus = archGradAt(-1);
    restore();
    const grads = arch.map((a, i) => tf.tidy(() => tf.sub(valGrads.grads[a.name]!, tf.mul(tf.sub(plus[i]!, minus[i]!), xi / (2 * eps)))));
    tf.dispose([...plus, ...minus, valGrads.value, ...Object.values(valGrads.grads)]);
    return grads;
  } finally {
    tf.dispose(saved);
  }
}
