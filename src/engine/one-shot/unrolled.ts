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
    const valGrads = tf.variableGrads(() => crossEntropy(supernet, val, choose()), [alpha, ...weights]);
    restore();
    const dAlpha = valGrads.grads[alpha.name]!;
    const dW = weights.map((w) => valGrads.grads[w.name] ?? null);
    // Read back asynchronously: a synchronous read stalls (or fails) on WebGPU.
    const squares = tf.tidy(() => tf.addN(dW.flatMap((g) => (g ? [tf.sum(tf.square(g))] : [])).concat(tf.scalar(0))));
    const norm = Math.sqrt((await squares.data())[0]!);
    squares.dispose();
    const eps = 0.01 / Math.max(norm, 1e-12);
    const alphaGradAt = (sign: number): tf.Tensor => {
      tf.tidy(() => weights.forEach((w, i) => dW[i] && w.assign(tf.add(saved[i]!, tf.mul(dW[i]!, sign * eps)))));
      const { value, grads } = tf.variableGrads(() => crossEntropy(supernet, train, choose()), [alpha]);
      value.dispose();
      return grads[alpha.name]!;
    };
    const plus = alphaGradAt(1);
    const minus = alphaGradAt(-1);
    restore();
    const grad = tf.tidy(() => tf.sub(dAlpha, tf.mul(tf.sub(plus, minus), xi / (2 * eps))));
    tf.dispose([plus, minus, valGrads.value, ...Object.values(valGrads.grads)]);
    return grad;
  } finally {
    tf.dispose(saved);
  }
}
