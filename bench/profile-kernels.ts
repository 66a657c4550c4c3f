// Kernel-by-kernel time of one chain training step on WASM in Node: `node --import tsx bench/profile-kernels.ts`.
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../src/nn/backend-node';
import { createRng } from '../src/core/rng';
import { ChainSpace } from '../src/core/space/chain';
import { buildNetwork } from '../src/nn/build';
import { Optimizer } from '../src/nn/optimizer';
await useNodeBackend('wasm');
const space = new ChainSpace({ depth: 2, widths: [16, 32] });
const net = buildNetwork(space, space.decode('conv3x3-16|conv3x3-32'), { height: 16, width: 16, channels: 1 }, 10, createRng(1));
const opt = new Optimizer('sgd', net.ctx.trainable, 5e-4);
const x = tf.randomUniform([32, 16, 16, 1]);
const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1], 'int32'), 10);
for (let i = 0; i < 3; i++) {
  const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, net.apply(x as tf.Tensor4D, true)) as tf.Scalar, net.ctx.trainable);
  opt.apply(grads, 0.01);
  tf.dispose([value, ...Object.values(grads)]);
}
const info = await tf.profile(async () => {
  for (let i = 0; i < 10; i++) {
    const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, net.apply(x as tf.Tensor4D, true)) as tf.Scalar, net.ctx.trainable);
    opt.apply(grads, 0.01);
    await value.data();
    tf.dispose([value, ...Object.values(grads)]);
  }
});
const agg = new Map<string, [number, number]>();
for (const k of info.kernels) {
  const t = await (k as { kernelTimeMs?: unknown }).kernelTimeMs;
  const a = agg.get(k.name) ?? [0, 0];
  agg.set(k.name, [a[0] + (typeof t === 'number' ? t : 0), a[1] + 1]);
}
const rows = [...agg.entries()].sort((a, b) => b[1][0] - a[1][0]);
let total = 0;
for (const r of rows) total += r[1][0];
console.log('total kernel ms/step', (total / 10).toFixed(1), 'kernels/step', info.kernels.length / 10);
for (const [n, [t, c]] of rows.slice(0, 25)) console.log(n.padEnd(24), (t / 10).toFixed(2), 'ms/step', c / 10, 'calls/step');
