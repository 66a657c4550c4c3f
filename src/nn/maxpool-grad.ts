import * as tf from '@tensorflow/tfjs-core';
import { interleave, padToPhases, phaseOf, sliceHW } from './phase-ops';

type Pad = [number, number];

/** x's rows r, r + s, … and columns q, q + s, …: `rows` × `cols` of them (x holds them all). */
function gridOf(x: tf.Tensor4D, s: number): (r: number, q: number, rows: number, cols: number) => tf.Tensor4D {
  if (s === 1) return (r, q, rows, cols) => sliceHW(x, r, q, rows, cols);
  // The s × s phases of x once, then every view is a plain slice of one.
  const whole = padToPhases(x, s);
  const phases = new Map<number, tf.Tensor4D>();
  const phase = (pr: number, pq: number) => {
    const key = pr * s + pq;
    if (!phases.has(key)) phases.set(key, phaseOf(whole, s, pr, pq));
    return phases.get(key)!;
  };
  return (r, q, rows, cols) => sliceHW(phase(r % s, q % s), Math.floor(r / s), Math.floor(q / s), rows, cols);
}

/**
 * The max-pool gradient shared evenly among tied maxima (as pool-ops' legacy gradient, term for
 * term and in the same order), with far fewer and smaller kernels: each window is a plain slice of
 * one of the stride's phases of the padded input, not a strided slice, and each window's share is
 * padded into its phase and summed there once (one addN per phase), instead of a strided scatter
 * into the full map and an add per window.
 */
export function maxPoolGradient(xs: tf.Tensor4D, ys: tf.Tensor4D, dy: tf.Tensor4D, k: number, stride: number, padH: Pad, padW: Pad): tf.Tensor4D {
  const [n, h, wd, c] = xs.shape;
  const [, outH, outW] = ys.shape;
  const s = stride;
  const xp = tf.pad(xs, [[0, 0], padH, padW, [0, 0]], -3.4e38);
  const [, hp, wp] = xp.shape;
  const view = gridOf(xp, s);
  const masks: tf.Tensor4D[] = [];
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) masks.push(tf.cast(tf.equal(view(i, j, outH, outW), ys), 'float32'));
  const share = tf.div(dy, tf.addN(masks));
  const R = Math.ceil(hp / s);
  const C = Math.ceil(wp / s);
  // Per phase, the windows that land on it, in window order.
  const parts: tf.Tensor4D[][] = Array.from({ length: s * s }, () => []);
  let m = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const a = Math.floor(i / s);
      const b = Math.floor(j / s);
      const g = tf.mul(share, masks[m++]!) as tf.Tensor4D;
      parts[(i % s) * s + (j % s)]!.push(
        tf.pad(g, [
          [0, 0],
          [a, R - a - outH],
          [b, C - b - outW],
          [0, 0],
        ]),
      );
    }
  }
  const sums: tf.Tensor4D[] = parts.map((p) => (p.length === 0 ? tf.zeros([n, R, C, c]) : p.length === 1 ? p[0]! : tf.addN(p)));
  const dxp = s === 1 ? sums[0]! : interleave(sums, s);
  return sliceHW(dxp, padH[0], padW[0], h, wd);
}
