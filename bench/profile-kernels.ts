/**
 * Kernel-by-kernel time of one training step on WASM in Node, the step before the fast ops
 * (src/nn/step-path.ts) and now, for the bench CNN (chain) or sampled networks of another space;
 * with `--kernels`, batch norm's kernels of link version 5 and now (src/nn/step-kernels.ts) instead;
 * with `--original`, the step before issue 15 (old ops and version 5's kernels) and now; with
 * `--previous`, the step with wasm's copies and the per-variable optimizer update and now:
 *
 *   node --import tsx bench/profile-kernels.ts [--space cell] [--top 5] [--samples 3] [--kernels | --original | --previous]
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../src/nn/backend-node';
import { createRng } from '../src/core/rng';
import { createSpace, type SpaceId } from '../src/core/space/index';
import { buildNetwork } from '../src/nn/build';
import { BENCH_INPUT, BENCH_NET, benchSpace } from '../src/nn/step-bench';
import { randomBatchStep } from './random-step';
import { baselineOf, useWay, type Way } from './step-ways';

const { values } = parseArgs({
  options: {
    space: { type: 'string', default: 'chain' },
    top: { type: 'string', default: '5' },
    samples: { type: 'string', default: '3' },
    kernels: { type: 'boolean', default: false },
    original: { type: 'boolean', default: false },
    previous: { type: 'boolean', default: false },
  },
});
const baseline = baselineOf(values);
await useNodeBackend('wasm');
const STEPS = 5;
const chain = values.space === 'chain';
const samples = chain ? 1 : Number(values.samples);
const agg: Record<Way, Map<string, [number, number]>> = { before: new Map(), now: new Map() };
const wall: Record<Way, number> = { before: 0, now: 0 };
for (let s = 0; s < samples; s++) {
  const space = chain ? benchSpace() : createSpace(values.space as SpaceId);
  const rng = createRng(`bench-${values.space}`);
  for (let k = 0; k < s; k++) space.sample(rng);
  const g = chain ? space.decode(BENCH_NET) : space.sample(rng);
  const small = { height: 8, width: 8, channels: 1 };
  const input = chain || space.checkInput(small) !== null ? BENCH_INPUT : small;
  const net = buildNetwork(space, g, input, 10, createRng(`init-${s}`));
  const { step, dispose } = randomBatchStep(net, input, 0.01);
  for (const path of ['before', 'now'] as const) {
    useWay(path, baseline);
    for (let i = 0; i < 2; i++) await step();
    const started = performance.now();
    const info = await tf.profile(async () => {
      for (let i = 0; i < STEPS; i++) await step();
    });
    wall[path] += performance.now() - started;
    for (const k of info.kernels) {
      const t = await (k as { kernelTimeMs?: unknown }).kernelTimeMs;
      const a = agg[path].get(k.name) ?? [0, 0];
      agg[path].set(k.name, [a[0] + (typeof t === 'number' ? t : 0), a[1] + 1]);
    }
  }
  dispose();
  net.ctx.dispose();
}
const per = STEPS * samples;
for (const path of ['before', 'now'] as const) {
  // customGrad's 'forward' wraps kernels that are listed on their own: it is left out of the total.
  const rows = [...agg[path].entries()].filter(([n]) => n !== 'forward').sort((a, b) => b[1][0] - a[1][0]);
  const total = rows.reduce((sum, r) => sum + r[1][0], 0);
  const calls = rows.reduce((sum, r) => sum + r[1][1], 0);
  console.log(
    `${values.space}, ${path}: kernels ${(total / per).toFixed(1)} ms/step (profiled wall ${(wall[path] / per).toFixed(1)} ms), ${Math.round(calls / per)} kernels/step`,
  );
  for (const [n, [t, c]] of rows.slice(0, Number(values.top)))
    console.log(
      `  ${n.padEnd(24)}${(t / per).toFixed(2).padStart(8)} ms/step${(c / per).toFixed(1).padStart(8)} calls/step${((100 * t) / total).toFixed(0).padStart(5)} %`,
    );
}
