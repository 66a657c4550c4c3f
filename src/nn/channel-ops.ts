import * as tf from '@tensorflow/tfjs-core';

/**
 * Per-channel reductions and affine maps of NHWC tensors in as few kernels as tfjs allows: on wasm
 * each kernel costs tens of µs of bookkeeping, more than the arithmetic of a small layer.
 */

/**
 * One 'valid' average pool whose window is its stride, through the kernel itself: tf.avgPool adds a
 * cast to the input's dtype after it, a kernel of its own that changes nothing for float32 data.
 */
function pool(x: tf.Tensor4D, window: [number, number]): tf.Tensor4D {
  return tf.engine().runKernel(tf.AvgPool, { x }, { filterSize: window, strides: window, pad: 'valid' }) as tf.Tensor4D;
}

/** The mean of each channel of an NHWC tensor over N, H and W, as two average pools (over H × W, then over N). */
export function channelMeans(x: tf.Tensor4D): tf.Tensor1D {
  const [n, h, w, c] = x.shape;
  const perExample = h * w === 1 ? x : pool(x, [h, w]);
  const overBatch = n === 1 ? perExample : pool(tf.reshape(perExample, [1, n, 1, c]), [n, 1]);
  return tf.reshape(overBatch, [c]);
}

/** x · scale (+ shift), per channel, as one kernel: a 1 × 1 depthwise conv (with a bias). */
export function channelAffine(x: tf.Tensor4D, scale: tf.Tensor1D, shift?: tf.Tensor1D): tf.Tensor4D {
  const filter = tf.reshape(scale, [1, 1, x.shape[3], 1]) as tf.Tensor4D;
  if (!shift) return tf.depthwiseConv2d(x, filter, 1, 'valid');
  return tf.fused.depthwiseConv2d({ x, filter, strides: 1, pad: 'valid', bias: shift });
}
