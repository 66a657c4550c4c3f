import * as tf from '@tensorflow/tfjs-core';

/**
 * ProxylessNAS's expected latency (Cai et al. 2019, Eq. 5–6): E[LAT] = fixed + Σ_layers Σ_ops
 * p_op · LAT(op, layer), differentiable in the probabilities p = softmax(α) of each layer's ops.
 */
export function expectedLatency(probs: tf.Tensor2D, table: readonly (readonly number[])[], fixed = 0): tf.Scalar {
  const sum = tf.sum(tf.mul(probs, tf.tensor2d(table as number[][]))) as tf.Scalar;
  return fixed === 0 ? sum : tf.add(sum, fixed);
}

/** The expected latency of a uniform choice among each layer's allowed ops: the target when none is set. */
export function uniformLatency(table: readonly (readonly number[])[], allowed: readonly (readonly boolean[])[], fixed = 0): number {
  return table.reduce((s, row, e) => s + row.reduce((t, v, k) => t + (allowed[e]![k] ? v : 0), 0) / allowed[e]!.filter(Boolean).length, fixed);
}

/**
 * The paper's loss, CE + λ · E[LAT] (its Eq. 7 without the weight decay, which the optimiser
 * applies), with E[LAT] divided by the target latency so λ is free of the device's speed.
 */
export function latencyLoss(
  ce: tf.Scalar,
  probs: tf.Tensor2D,
  table: readonly (readonly number[])[],
  fixed: number,
  lambda: number,
  target: number,
): tf.Scalar {
  return tf.add(ce, tf.mul(tf.div(expectedLatency(probs, table, fixed), Math.max(target, 1e-9)), lambda));
}
