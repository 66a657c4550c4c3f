import * as tf from '@tensorflow/tfjs-core';
import { maxPoolGradient } from './maxpool-grad';
import { samePadding } from './ops';
import { stepPath } from './step-path';

/**
 * Max pooling whose gradient is shared evenly among the tied maxima of each window (a valid
 * subgradient), built from slices so every backend computes it the same way.
 */
export function maxPool(x: tf.Tensor4D, k: number, stride: number): tf.Tensor4D {
  const [, h, wd] = x.shape;
  const padH = samePadding(h, k, stride);
  const padW = samePadding(wd, k, stride);
  const op = tf.customGrad(((xIn: tf.Tensor, save: tf.GradSaveFunc) => {
    const xi = xIn as tf.Tensor4D;
    const y = tf.maxPool(xi, k, stride, 'same');
    save([xi, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, ys] = saved as [tf.Tensor4D, tf.Tensor4D];
        if (stepPath() !== 'legacy') return maxPoolGradient(xs, ys, dy as tf.Tensor4D, k, stride, padH, padW);
        const [n, , , c] = xs.shape;
        const [, outH, outW] = ys.shape;
        const xp = tf.pad(xs, [[0, 0], padH, padW, [0, 0]], -3.4e38);
        const windows: tf.Tensor4D[] = [];
        for (let i = 0; i < k; i++) {
          for (let j = 0; j < k; j++) {
            const view = tf.stridedSlice(
              xp,
              [0, i, j, 0],
              [n, i + (outH - 1) * stride + 1, j + (outW - 1) * stride + 1, c],
              [1, stride, stride, 1],
            ) as tf.Tensor4D;
            windows.push(tf.cast(tf.equal(view, ys), 'float32'));
          }
        }
        const ties = tf.addN(windows);
        const share = tf.div(dy, ties);
        const paddedH = h + padH[0] + padH[1];
        const paddedW = wd + padW[0] + padW[1];
        let dxp: tf.Tensor4D = tf.zeros([n, paddedH, paddedW, c]);
        let m = 0;
        for (let i = 0; i < k; i++) {
          for (let j = 0; j < k; j++) {
            dxp = tf.add(dxp, scatterStrided(tf.mul(share, windows[m++]!) as tf.Tensor4D, i, j, stride, paddedH, paddedW));
          }
        }
        return tf.slice(dxp, [0, padH[0], padW[0], 0], [n, h, wd, c]);
      },
    };
  }) as never);
  return op(x) as tf.Tensor4D;
}

/** Places g[:, a, b, :] at [:, i + a·s, j + b·s, :] of a zero tensor of size H × W. */
function scatterStrided(g: tf.Tensor4D, i: number, j: number, stride: number, height: number, width: number): tf.Tensor4D {
  const [n, gh, gw, c] = g.shape;
  let spread = g;
  if (stride > 1) {
    // Interleave zeros: [n, gh, 1, gw, 1, c] padded to [n, gh, s, gw, s, c].
    const expanded = tf.reshape(g, [n, gh, 1, gw, 1, c]);
    const padded = tf.pad(expanded, [
      [0, 0],
      [0, 0],
      [0, stride - 1],
      [0, 0],
      [0, stride - 1],
      [0, 0],
    ]);
    spread = tf.reshape(padded, [n, gh * stride, gw * stride, c]);
  }
  const [, sh, sw] = spread.shape;
  const cropH = Math.min(sh, height - i);
  const cropW = Math.min(sw, width - j);
  const cropped = tf.slice(spread, [0, 0, 0, 0], [n, cropH, cropW, c]);
  return tf.pad(cropped, [
    [0, 0],
    [i, height - i - cropH],
    [j, width - j - cropW],
    [0, 0],
  ]);
}

export type AvgPoolGradient = 'exact' | 'tfjs';

let avgPoolGradient: AvgPoolGradient = 'exact';

/**
 * The border gradient `avgPool` gives from now on: `tfjs`'s (too small) is kept only so that an
 * experiment made before the fix (an older share link) trains and reproduces as it did. The search
 * engine sets it from the experiment at the start of every run.
 */
export function useAvgPoolGradient(kind: AvgPoolGradient): void {
  avgPoolGradient = kind;
}

/**
 * Average pooling, 'same' padding that excludes the padded cells from the count, as in NAS-Bench-201.
 * tfjs's own 'same' average pool divides by that count going forward but by k² going back, so a
 * border pixel's gradient comes out too small (4/9 of it at a 3 × 3 corner); here the input is padded
 * explicitly, pooled 'valid' (whose gradient is right) and rescaled by k² / count per position.
 */
export function avgPool(x: tf.Tensor4D, k: number, stride: number): tf.Tensor4D {
  const [, h, w] = x.shape;
  const padH = samePadding(h, k, stride);
  const padW = samePadding(w, k, stride);
  if (padH[0] + padH[1] + padW[0] + padW[1] === 0 || avgPoolGradient === 'tfjs') return tf.avgPool(x, k, stride, 'same');
  const sums = tf.avgPool(tf.pad(x, [[0, 0], padH, padW, [0, 0]]), k, stride, 'valid');
  return tf.mul(sums, windowScale(h, w, k, stride, padH[0], padW[0])) as tf.Tensor4D;
}

/** k² / (cells of each output's window that lie inside the input), as a [1, H', W', 1] tensor. */
function windowScale(h: number, w: number, k: number, stride: number, top: number, left: number): tf.Tensor4D {
  const outH = Math.ceil(h / stride);
  const outW = Math.ceil(w / stride);
  const inside = (start: number, size: number) => Math.min(start + k, size) - Math.max(start, 0);
  const scale = new Float32Array(outH * outW);
  for (let i = 0; i < outH; i++) {
    for (let j = 0; j < outW; j++) scale[i * outW + j] = (k * k) / (inside(i * stride - top, h) * inside(j * stride - left, w));
  }
  return tf.tensor4d(scale, [1, outH, outW, 1]);
}
