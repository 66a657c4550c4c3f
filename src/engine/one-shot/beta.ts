import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../../core/rng';
import type { TrellisRow } from '../../core/space/resolution-trellis';
import type { EdgeChoice } from '../../nn/supernet/index';

/** Auto-DeepLab's β: one row per trellis node, a logit per move; moves off the ladder are masked out of the softmax. */
export interface Beta {
  value: tf.Variable;
  mask: tf.Tensor2D;
  rows: readonly TrellisRow[];
}

/** β starts as α does, at 1e-3 × N(0, 1): every move nearly equal. */
export function createBeta(rows: readonly TrellisRow[], rng: Rng): Beta {
  const moves = rows[0]?.moves.length ?? 3;
  const value = tf.tidy(() =>
    tf.variable(
      tf.tensor2d(
        Float32Array.from({ length: rows.length * moves }, () => 1e-3 * rng.normal()),
        [rows.length, moves],
      ),
      true,
    ),
  );
  const mask = tf.tensor2d(
    rows.flatMap((r) => r.moves.map((ok) => (ok ? 0 : -1e9))),
    [rows.length, moves],
  );
  return { value, mask, rows };
}

/** The normalisation of eq. 7: the moves out of each node sum to one. */
export function betaTensor(beta: Beta): tf.Tensor2D {
  return tf.softmax(tf.add(beta.value, beta.mask)) as tf.Tensor2D;
}

/** Row `row`'s moves on the ladder, weighted by their β, sliced so that β gets its gradient. */
export function betaChoice(beta: Beta, probs: tf.Tensor2D, row: number): EdgeChoice {
  const ops = beta.rows[row]!.moves.flatMap((ok, k) => (ok ? [k] : []));
  return { ops, coefs: ops.map((k) => tf.reshape(tf.slice(probs, [row, k], [1, 1]), []) as tf.Scalar) };
}

/** β's probabilities, row by row, as plain numbers. */
export async function betaRows(beta: Beta): Promise<number[][]> {
  const p = tf.tidy(() => betaTensor(beta));
  const rows = (await p.array()) as number[][];
  p.dispose();
  return rows;
}
