import * as tf from '@tensorflow/tfjs-core';

/**
 * Strided views and scatters of NHWC maps written with rank-4 tensors only: tfjs-wasm slices a
 * tensor of rank 5 or more element by element in JavaScript (a 6-D reshape-and-slice took 15 ms
 * where this takes 0.1), while its rank-4 slice, pad and concat are native. The trick: for a map
 * whose height and width are multiples of s, [n, H, W, c] is also [n·H/s, s, W/s, s·c], whose
 * axes 1 and 3 hold the row and column phase.
 */

/** x's rows pr, pr + s, … and columns pq, pq + s, …; x's height and width are multiples of s. */
export function phaseOf(x: tf.Tensor4D, s: number, pr: number, pq: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const folded = tf.reshape(x, [n * (h / s), s, w / s, s * c]);
  return tf.reshape(tf.slice(folded, [0, pr, 0, pq * c], [n * (h / s), 1, w / s, c]), [n, h / s, w / s, c]);
}

/** x zero-padded at the bottom and right to multiples of s (cropped where `rows`/`cols` are fewer). */
export function padToPhases(x: tf.Tensor4D, s: number, rows = Math.ceil(x.shape[1] / s), cols = Math.ceil(x.shape[2] / s), value = 0): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const cropped = h > rows * s || w > cols * s ? tf.slice(x, [0, 0, 0, 0], [n, Math.min(h, rows * s), Math.min(w, cols * s), c]) : x;
  const [, ch, cw] = cropped.shape;
  if (ch === rows * s && cw === cols * s) return cropped;
  return tf.pad(
    cropped,
    [
      [0, 0],
      [0, rows * s - ch],
      [0, cols * s - cw],
      [0, 0],
    ],
    value,
  );
}

/** The inverse of taking phases: `phases[pr·s + pq]`, each [n, R, C, c], woven into [n, R·s, C·s, c]. */
export function interleave(phases: tf.Tensor4D[], s: number): tf.Tensor4D {
  const [n, r, cols, c] = phases[0]!.shape;
  const rows = Array.from({ length: s }, (_, pr) => tf.reshape(tf.concat(phases.slice(pr * s, pr * s + s), 3), [n * r, 1, cols, s * c]));
  return tf.reshape(tf.concat(rows, 1), [n, r * s, cols * s, c]);
}

/** dy with s − 1 zeros after each row and column, cropped to [n, (H'−1)·s + 1, (W'−1)·s + 1, c]. */
export function spreadBy(dy: tf.Tensor4D, s: number): tf.Tensor4D {
  const [n, outH, outW, c] = dy.shape;
  const padded = tf.pad(tf.reshape(dy, [n * outH, 1, outW, c]), [
    [0, 0],
    [0, s - 1],
    [0, 0],
    [0, (s - 1) * c],
  ]);
  return sliceHW(tf.reshape(padded, [n, outH * s, outW * s, c]) as tf.Tensor4D, 0, 0, (outH - 1) * s + 1, (outW - 1) * s + 1);
}

/**
 * x[:, top : top + rows, left : left + cols, :] as a rank-3 slice of [n, H, W·c]: tfjs-wasm copies a
 * slice one innermost run at a time, so a run of cols·c values instead of c is ~cols × fewer copies.
 */
export function sliceHW(x: tf.Tensor4D, top: number, left: number, rows: number, cols: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  if (top === 0 && left === 0 && rows === h && cols === w) return x;
  const flat = tf.slice(tf.reshape(x, [n, h, w * c]), [0, top, left * c], [n, rows, cols * c]);
  return tf.reshape(flat, [n, rows, cols, c]);
}
