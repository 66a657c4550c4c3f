/**
 * Kernel-by-kernel time of one training step on WASM in Node, for the bench CNN (chain) or a sampled
 * network of another space (the mean over the same genotypes bench:spaces samples):
 *
 *   node --import tsx bench/profile-kernels.ts [--space cell] [--top 12]
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../src/nn/backend-node';
import { createRng } from '../src/core/rng';
import { createSpace, type SpaceId } from '../src/core/space/index';
import { buildNetwork } from '../src/nn/build';
import { Optimizer } from '../src/nn/optimizer';
import { BENCH_INPUT, BENCH_NET, benchSpace } from '../src/nn/step-bench';

const { values } = parseArgs({
  options: { space: { type: 'string', default: 'chain' }, top: { type: 'string', default: '12' }, samples: { type: 'string', default: '3' } },
});
await useNodeBackend('wasm');
const STEPS = 5;
const agg = new Map<string, [number, number]>();
let wall = 0;
const samples = values.space === 'chain' ? 1 : Number(values.samples);
for (let s = 0; s < samples; s++) {
  const space = values.space === 'chain' ? benchSpace() : createSpace(values.space as SpaceId);
  const rng = createRng(`bench-${values.space}`);
  const g = values.space === 'chain' ? space.decode(BENCH_NET) : space.sample(rng);
  const input =
    values.space === 'chain' || space.checkInput({ height: 8, width: 8, channels: 1 }) !== null ? BENCH_INPUT : { height: 8, width: 8, channels: 1 };
  const net = buildNetwork(space, g, input, 10, rng.fork(`init-${s}`));
  const opt = new Optimizer('sgd', net.ctx.trainable, 5e-4);
  const x = tf.randomUniform([32, input.height, input.width, input.channels]) as tf.Tensor4D;
  const y = tf.oneHot(
    tf.tensor1d(
      Array.from({ length: 32 }, (_, i) => i % 10),
      'int32',
    ),
    10,
  );
  const step = async () => {
    const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, net.apply(x, true)) as tf.Scalar, net.ctx.trainable);
    opt.apply(grads, 0.01);
    await value.data();
    tf.dispose([value, ...Object.values(grads)]);
  };
  for (let i = 0; i < 2; i++) await step();
  const started = performance.now();
  const info = await tf.profile(async () => {
    for (let i = 0; i < STEPS; i++) await step();
  });
  wall += performance.now() - started;
  for (const k of info.kernels) {
    const t = await (k as { kernelTimeMs?: unknown }).kernelTimeMs;
    const a = agg.get(k.name) ?? [0, 0];
    agg.set(k.name, [a[0] + (typeof t === 'number' ? t : 0), a[1] + 1]);
  }
  opt.dispose();
  net.ctx.dispose();
  tf.dispose([x, y]);
}
const per = STEPS * samples;
// customGrad's 'forward' wraps kernels that are listed on their own: it is left out of the total.
const rows = [...agg.entries()].filter(([n]) => n !== 'forward').sort((a, b) => b[1][0] - a[1][0]);
const total = rows.reduce((sum, r) => sum + r[1][0], 0);
const calls = rows.reduce((sum, r) => sum + r[1][1], 0);
console.log(
  `${values.space}: kernels ${(total / per).toFixed(1)} ms/step (profiled wall ${(wall / per).toFixed(1)} ms), ${Math.round(calls / per)} kernels/step`,
);
for (const [n, [t, c]] of rows.slice(0, Number(values.top)))
  console.log(
    `  ${n.padEnd(24)}${(t / per).toFixed(2).padStart(8)} ms/step${(c / per).toFixed(1).padStart(8)} calls/step${((100 * t) / total).toFixed(0).padStart(5)} %`,
  );
