import * as tf from '@tensorflow/tfjs-core';
import { samePadding } from '../core/net/padding';
import { depthwiseConv2d, subsample2 } from './ops';
import { padToPhases, phaseOf, sliceHW, spreadBy } from './phase-ops';

type Pads = [[number, number], [number, number]];

/**
 * A depthwise conv (filter [k, k, C, 1]) with explicit padding, a stride and a dilation (one of the
 * two 1, as tfjs asks), with our own gradients (the wasm backend has none for depthwise convs):
 * the input gradient is a depthwise conv of dy, spread by the stride, with the flipped filter; the
 * filter gradient is one depthwise conv where every (example, channel) pair is a channel, the
 * padded input the image and dy the (H' × W') filter, dilated by the stride.
 */
function depthwiseExplicit(x: tf.Tensor4D, w: tf.Tensor4D, stride: number, dilation: number, pad: Pads): tf.Tensor4D {
  const [k] = w.shape;
  const effK = (k - 1) * dilation + 1;
  const explicit: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], pad[0], pad[1], [0, 0]];
  const op = tf.customGrad(((xIn: tf.Tensor, wIn: tf.Tensor, save: tf.GradSaveFunc) => {
    const xi = xIn as tf.Tensor4D;
    const wi = wIn as tf.Tensor4D;
    save([xi, wi]);
    return {
      value: tf.depthwiseConv2d(xi, wi, stride, explicit, 'NHWC', dilation),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
        const dy4 = dy as tf.Tensor4D;
        const [n, h, wd, c] = xs.shape;
        const [, outH, outW] = dy4.shape;
        // Rows (columns) of the padded input that no window reached get no gradient.
        const reachH = (outH - 1) * stride + effK;
        const reachW = (outW - 1) * stride + effK;
        const extraH = h + pad[0][0] + pad[0][1] - reachH;
        const extraW = wd + pad[1][0] + pad[1][1] - reachW;
        const spread = stride > 1 ? spreadBy(dy4, stride) : dy4;
        const back: [[number, number], [number, number], [number, number], [number, number]] = [
          [0, 0],
          [effK - 1 - pad[0][0], effK - 1 - pad[0][1] + extraH],
          [effK - 1 - pad[1][0], effK - 1 - pad[1][1] + extraW],
          [0, 0],
        ];
        const dx = tf.depthwiseConv2d(spread, tf.reverse(ws, [0, 1]) as tf.Tensor4D, 1, back, 'NHWC', dilation);
        const xp = sliceHW(tf.pad(xs, explicit), 0, 0, reachH, reachW);
        const xCh = tf.reshape(tf.transpose(xp, [1, 2, 0, 3]), [1, reachH, reachW, n * c]) as tf.Tensor4D;
        const dyCh = tf.reshape(tf.transpose(dy4, [1, 2, 0, 3]), [outH, outW, n * c, 1]) as tf.Tensor4D;
        const perExample = tf.depthwiseConv2d(xCh, dyCh, dilation, 'valid', 'NHWC', stride);
        const dw = tf.reshape(tf.sum(tf.reshape(perExample, [k, k, n, c]), 2), [k, k, c, 1]);
        return [dx, dw];
      },
    };
  }) as never);
  return op(x, w) as tf.Tensor4D;
}

/**
 * The depthwise prim of the layer graph: k × k, 'same' padding as at stride 1, dilated, and at
 * stride 2 every second output pixel of that (so a genotype computes what it always did). The
 * stride-2 outputs are computed at their stride, not subsampled from the full map (¼ of the work):
 * at dilation 1 as a strided conv with the stride-1 padding; at an even dilation every tap of an
 * even output lands on an even pixel of the padded input, so it is a conv with half the dilation
 * over those pixels only.
 */
export function depthwiseSame(x: tf.Tensor4D, w: tf.Tensor4D, dilation: number, stride: 1 | 2, legacy = false): tf.Tensor4D {
  if (legacy || (stride === 2 && dilation > 1 && dilation % 2 === 1)) {
    const full = depthwiseConv2d(x, w, dilation);
    return stride === 2 ? subsample2(full) : full;
  }
  if (stride === 1) return depthwiseConv2d(x, w, dilation);
  const [, h, wd] = x.shape;
  const [k] = w.shape;
  const pad: Pads = [samePadding(h, k, 1, dilation), samePadding(wd, k, 1, dilation)];
  if (dilation === 1) return depthwiseExplicit(x, w, 2, 1, pad);
  const outH = Math.ceil(h / 2);
  const outW = Math.ceil(wd / 2);
  const half = dilation / 2;
  const xp = tf.pad(x, [[0, 0], pad[0], pad[1], [0, 0]]);
  const evens = phaseOf(padToPhases(xp, 2, outH + (k - 1) * half, outW + (k - 1) * half), 2, 0, 0);
  return depthwiseExplicit(evens, w, 1, half, [
    [0, 0],
    [0, 0],
  ]);
}
