import * as tf from '@tensorflow/tfjs-core';
import { samePadding } from '../core/net/padding';
import { leanStep } from './step-path';

export { samePadding };

/**
 * Differentiable primitives with gradients of our own. tfjs 4.22.0's wasm backend has no
 * Conv2DBackpropFilter and computes some maxPool gradients wrongly, and the cpu backend's filter
 * gradient is ~100× slower than its forward pass; these versions work on every backend and are
 * checked against the reference gradients in test/nn/ops.test.ts.
 */

export type Padding = 'same' | 'valid';

/**
 * The filter gradient as a convolution of transposed tensors: with x as [C_in, H, W, N] (batch ↔
 * channels) and dy as a filter [H', W', N, C_out], a conv with dilation = stride gives
 * [C_in, kh, kw, C_out], which is dW transposed.
 */
export type Stride = number | [number, number];

function strides(stride: Stride): [number, number] {
  return typeof stride === 'number' ? [stride, stride] : stride;
}

function filterGradient(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  k: [number, number],
  stride: [number, number],
  pad: [[number, number], [number, number]],
): tf.Tensor4D {
  const [kh, kw] = k;
  const [sh, sw] = stride;
  const unpadded = pad[0][0] + pad[0][1] + pad[1][0] + pad[1][1] === 0;
  const xPadded = unpadded ? x : tf.pad(x, [[0, 0], pad[0], pad[1], [0, 0]]);
  const [, outH, outW] = dy.shape;
  // Crop so that the dilated dy "filter" slides exactly kh × kw positions.
  const needH = (outH - 1) * sh + kh;
  const needW = (outW - 1) * sw + kw;
  // Most often (stride 1, 'same') the crop is the whole padded tensor: no slice kernel then.
  const whole = needH === xPadded.shape[1] && needW === xPadded.shape[2];
  const xCropped = whole ? xPadded : tf.slice(xPadded, [0, 0, 0, 0], [-1, needH, needW, -1]);
  const xT = tf.transpose(xCropped, [3, 1, 2, 0]);
  const dyT = tf.transpose(dy, [1, 2, 0, 3]);
  const dwT = tf.conv2d(xT, dyT, 1, 'valid', 'NHWC', [sh, sw]) as tf.Tensor4D;
  // [C_in, 1, 1, C_out] → [1, 1, C_in, C_out] moves only axes of size 1: the same memory, reshaped.
  if (kh * kw === 1 && leanStep()) return tf.reshape(dwT, [1, 1, dwT.shape[0], dwT.shape[3]]);
  return tf.transpose(dwT, [1, 2, 0, 3]);
}

/**
 * The input gradient as a forward convolution: dy, dilated by the stride and padded to a "full"
 * correlation, convolved with the filter flipped in space and with its channels swapped. The wasm
 * backend's own Conv2DBackpropInput is several times slower than its forward conv.
 */
function inputGradient(
  dy: tf.Tensor4D,
  w: tf.Tensor4D,
  xShape: [number, number, number, number],
  stride: [number, number],
  pad: [[number, number], [number, number]],
): tf.Tensor4D {
  const [kh, kw] = w.shape;
  const [n, h, wd, cin] = xShape;
  const [, outH, outW, cout] = dy.shape;
  const [sh, sw] = stride;
  let spread = dy;
  if (sh > 1 || sw > 1) {
    const expanded = tf.reshape(dy, [n, outH, 1, outW, 1, cout]);
    const padded = tf.pad(expanded, [
      [0, 0],
      [0, 0],
      [0, sh - 1],
      [0, 0],
      [0, sw - 1],
      [0, 0],
    ]);
    spread = tf.slice(tf.reshape(padded, [n, outH * sh, outW * sw, cout]) as tf.Tensor4D, [0, 0, 0, 0], [n, (outH - 1) * sh + 1, (outW - 1) * sw + 1, cout]);
  }
  // Rows of the padded input that no window reached get no gradient: pad them on at the end.
  const extraH = h + pad[0][0] + pad[0][1] - ((outH - 1) * sh + kh);
  const extraW = wd + pad[1][0] + pad[1][1] - ((outW - 1) * sw + kw);
  const top = kh - 1 - pad[0][0];
  const left = kw - 1 - pad[1][0];
  const bottom = kh - 1 + extraH - pad[0][1];
  const right = kw - 1 + extraW - pad[1][1];
  // A 1 × 1 filter is its own spatial flip.
  const flipped = tf.transpose(kh * kw === 1 && leanStep() ? w : tf.reverse(w, [0, 1]), [0, 1, 3, 2]);
  const padding: [[number, number], [number, number], [number, number], [number, number]] = [
    [0, 0],
    [top, Math.max(bottom, 0)],
    [left, Math.max(right, 0)],
    [0, 0],
  ];
  const dx = tf.conv2d(spread, flipped, 1, padding);
  return bottom < 0 || right < 0 ? tf.slice(dx, [0, 0, 0, 0], [n, h, wd, cin]) : dx;
}

/**
 * 2-D convolution, NHWC, filter [kh, kw, C_in, C_out], with our own gradients. `inputGrad` false
 * where x is the network's data: its gradient (a whole conv) would be computed and thrown away.
 */
export function conv2d(x: tf.Tensor4D, w: tf.Tensor4D, stride: Stride, padding: Padding, inputGrad = true): tf.Tensor4D {
  const [, h, wd] = x.shape;
  const [kh, kw] = w.shape;
  const [sh, sw] = strides(stride);
  const pad: [[number, number], [number, number]] =
    padding === 'same'
      ? [samePadding(h, kh, sh), samePadding(wd, kw, sw)]
      : [
          [0, 0],
          [0, 0],
        ];
  const explicit: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], pad[0], pad[1], [0, 0]];
  // customGrad's typing cannot express a fixed arity: the cast keeps the callback's own types.
  const op = tf.customGrad(((xIn: tf.Tensor, wIn: tf.Tensor, save: tf.GradSaveFunc) => {
    const xi = xIn as tf.Tensor4D;
    const wi = wIn as tf.Tensor4D;
    save([xi, wi]);
    const y = tf.conv2d(xi, wi, [sh, sw], explicit);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
        const dy4 = dy as tf.Tensor4D;
        const dx = inputGrad ? inputGradient(dy4, ws, xs.shape, [sh, sw], pad) : tf.zerosLike(xs);
        const dw = filterGradient(xs, dy4, [kh, kw], [sh, sw], pad);
        return [dx, dw];
      },
    };
  }) as never);
  return op(x, w) as tf.Tensor4D;
}

/**
 * Depthwise convolution (one filter per channel, filter [k, k, C, 1]) at stride 1 with 'same'
 * padding and a dilation, with our own gradients: the wasm backend has none for depthwise convs.
 * The input gradient is a depthwise conv of dy with the flipped filter; the filter gradient is a
 * depthwise conv too (see inside).
 */
export function depthwiseConv2d(x: tf.Tensor4D, w: tf.Tensor4D, dilation: number): tf.Tensor4D {
  const [, h, wd, c] = x.shape;
  const [k] = w.shape;
  const effK = (k - 1) * dilation + 1;
  const padH = samePadding(h, k, 1, dilation);
  const padW = samePadding(wd, k, 1, dilation);
  const explicit: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], padH, padW, [0, 0]];
  const op = tf.customGrad(((xIn: tf.Tensor, wIn: tf.Tensor, save: tf.GradSaveFunc) => {
    const xi = xIn as tf.Tensor4D;
    const wi = wIn as tf.Tensor4D;
    save([xi, wi]);
    return {
      value: tf.depthwiseConv2d(xi, wi, 1, explicit, 'NHWC', dilation),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
        const dy4 = dy as tf.Tensor4D;
        const flipped = tf.reverse(ws, [0, 1]) as tf.Tensor4D;
        const back: [[number, number], [number, number], [number, number], [number, number]] = [
          [0, 0],
          [effK - 1 - padH[0], effK - 1 - padH[1]],
          [effK - 1 - padW[0], effK - 1 - padW[1]],
          [0, 0],
        ];
        const dx = tf.depthwiseConv2d(dy4, flipped, 1, back, 'NHWC', dilation);
        // The filter gradient as one depthwise conv: every (example, channel) pair becomes a
        // channel, the padded input is the image and dy the (H × W) filter; stride = dilation
        // picks the k × k taps; summing over examples gives dW.
        const n = xs.shape[0];
        const xp = tf.pad(xs, explicit);
        const xCh = tf.reshape(tf.transpose(xp, [1, 2, 0, 3]), [1, xp.shape[1], xp.shape[2], n * c]) as tf.Tensor4D;
        const dyCh = tf.reshape(tf.transpose(dy4, [1, 2, 0, 3]), [h, wd, n * c, 1]) as tf.Tensor4D;
        const perExample = tf.depthwiseConv2d(xCh, dyCh, dilation, 'valid');
        const summed = tf.sum(tf.reshape(perExample, [k, k, n, c]), 2);
        const dw = tf.reshape(summed, [k, k, c, 1]);
        return [dx, dw];
      },
    };
  }) as never);
  return op(x, w) as tf.Tensor4D;
}

/** Keeps every second row and column from the first: a stride-2 view of a stride-1 result. */
export function subsample2(x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  if (h % 2 !== 0 || w % 2 !== 0) return tf.stridedSlice(x, [0, 0, 0, 0], [n, h, w, c], [1, 2, 2, 1]) as tf.Tensor4D;
  const grid = tf.reshape(x, [n, h / 2, 2, w / 2, 2, c]);
  return tf.reshape(tf.slice(grid, [0, 0, 0, 0, 0, 0], [n, h / 2, 1, w / 2, 1, c]), [n, h / 2, w / 2, c]);
}
