import * as tf from '@tensorflow/tfjs';
import type { Network } from '../src/nn/network';
import { Optimizer } from '../src/nn/optimizer';

/**
 * One SGD training step of a built network on a fixed batch of 32 random inputs with cyclic labels:
 * what bench/spaces.ts and bench/profile-kernels.ts time, the same step in both.
 */
export function randomBatchStep(net: Network, input: { height: number; width: number; channels: number }, learningRate: number) {
  const optimizer = new Optimizer('sgd', net.ctx.trainable, 5e-4);
  const x = tf.randomUniform([32, input.height, input.width, input.channels]) as tf.Tensor4D;
  const y = tf.oneHot(
    tf.tensor1d(
      Array.from({ length: 32 }, (_, i) => i % 10),
      'int32',
    ),
    10,
  );
  return {
    async step(): Promise<void> {
      const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, net.apply(x, true)) as tf.Scalar, net.ctx.trainable);
      optimizer.apply(grads, learningRate);
      await value.data();
      tf.dispose([value, ...Object.values(grads)]);
    },
    dispose(): void {
      optimizer.dispose();
      tf.dispose([x, y]);
    },
  };
}
