import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { createSpace, type SpaceId } from '../../src/core/space/index';
import { buildNetwork } from '../../src/nn/build';
import { useStepPath, type StepPath } from '../../src/nn/step-path';
import { maxAbsDiff, on, seeded, tf } from './helpers';

/** Loss and gradients of one training step of `net` on a seeded batch, on the given path. */
function lossAndGrads(path: StepPath, net: ReturnType<typeof buildNetwork>, x: tf.Tensor4D, y: tf.Tensor2D) {
  useStepPath(path);
  const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, net.apply(x, true)) as tf.Scalar, net.ctx.trainable);
  return { loss: value, grads: net.ctx.trainable.map((v) => grads[v.name] ?? null) };
}

afterEach(() => useStepPath('fast'));

// Every space whose networks hold the ops the fast path changes (strided depthwise, batch norm, max pool).
const SPACES: SpaceId[] = ['chain', 'cell', 'mnas', 'hierarchical', 'nb201'];

describe.each(['cpu', 'wasm'] as const)('the fast training step on %s', (backend) => {
  it.each(SPACES)('gives the legacy step’s loss and gradients on sampled %s networks', async (id) => {
    await on(backend);
    const space = createSpace(id);
    const small = { height: 8, width: 8, channels: 1 };
    const input = space.checkInput(small) === null ? small : { height: 16, width: 16, channels: 1 };
    const rng = createRng(`step-path-${id}`);
    for (let s = 0; s < 2; s++) {
      const net = buildNetwork(space, space.sample(rng), input, 10, rng.fork(`init-${s}`));
      const x = seeded([8, input.height, input.width, 1], `x-${id}-${s}`) as tf.Tensor4D;
      const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10) as tf.Tensor2D;
      const fast = lossAndGrads('fast', net, x, y);
      const legacy = lossAndGrads('legacy', net, x, y);
      expect(Math.abs(fast.loss.dataSync()[0]! - legacy.loss.dataSync()[0]!)).toBeLessThan(1e-5);
      fast.grads.forEach((g, k) => {
        // A weight the loss does not reach (an unused op) has no gradient on either path.
        expect(g === null).toBe(legacy.grads[k] === null);
        if (!g) return;
        const scale = Math.max(1, tf.max(tf.abs(legacy.grads[k]!)).dataSync()[0]!);
        expect(maxAbsDiff(g, legacy.grads[k]!) / scale).toBeLessThan(1e-4);
      });
      net.ctx.dispose();
    }
  });
});
