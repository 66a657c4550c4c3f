/**
 * One line per search space, in one run: the time to sample a genotype and build its tfjs model,
 * and the time of one training step on WASM, at the default (playground) scale, on 8 × 8 digits
 * (16 × 16 shapes where a space needs more pixels), batch 32 — the step as before the fast ops
 * (src/nn/step-path.ts) and now, alternating on the same networks. With `--kernels`, "before" is
 * batch norm's kernels of link version 5 (src/nn/step-kernels.ts) instead; with `--original`, the
 * step before issue 15 (the old ops and version 5's kernels together); with `--previous`, today's
 * step with wasm's copies and the optimizer's update variable by variable (bench/step-ways.ts);
 * `--space` runs one space.
 *
 *   npm run bench:spaces [-- --kernels | --original | --previous] [--space cell]
 */
import { parseArgs } from 'node:util';
import { createRng } from '../src/core/rng';
import { createSpace, SPACE_IDS } from '../src/core/space/index';
import { compactNumber } from '../src/core/format';
import { useNodeBackend } from '../src/nn/backend-node';
import { buildNetwork } from '../src/nn/build';
import { randomBatchStep } from './random-step';
import { baselineOf, useWay, type Way } from './step-ways';

const { values } = parseArgs({
  options: {
    kernels: { type: 'boolean', default: false },
    original: { type: 'boolean', default: false },
    previous: { type: 'boolean', default: false },
    space: { type: 'string' },
  },
});
const baseline = baselineOf(values);
await useNodeBackend('wasm');
const SAMPLES = 5;
const STEPS = 5;
console.log(`per space: mean over ${SAMPLES} sampled genotypes; training step = forward + backward + SGD update, batch 32, WASM\n`);
console.log(
  `${'space'.padEnd(14)}${'input'.padEnd(9)}${'params'.padStart(9)}${'sample+build ms'.padStart(17)}${'before ms'.padStart(11)}${'ms/step'.padStart(10)}${'speed-up'.padStart(10)}${'× chain'.padStart(9)}`,
);
let chainStep = 0; // 0 until the chain space has run (`--space` may leave it out)
for (const id of SPACE_IDS.filter((s) => !values.space || s === values.space)) {
  const space = createSpace(id);
  const input = space.checkInput({ height: 8, width: 8, channels: 1 }) === null ? { height: 8, width: 8, channels: 1 } : { height: 16, width: 16, channels: 1 };
  const rng = createRng(`bench-${id}`);
  let buildMs = 0;
  const stepMs: Record<Way, number> = { before: 0, now: 0 };
  let params = 0;
  for (let s = 0; s < SAMPLES; s++) {
    const started = performance.now();
    const g = space.sample(rng);
    const net = buildNetwork(space, g, input, 10, rng.fork(`init-${s}`));
    buildMs += performance.now() - started;
    params += space.cost(g, input, 10).params;
    const { step, dispose } = randomBatchStep(net, input, 0.05);
    // Alternating paths, each warmed up, so the machine's load falls on both alike.
    for (const path of ['before', 'now', 'before', 'now'] as const) {
      useWay(path, baseline);
      await step();
      const t = performance.now();
      for (let k = 0; k < STEPS; k++) await step();
      stepMs[path] += (performance.now() - t) / STEPS / 2;
    }
    dispose();
    net.ctx.dispose();
  }
  const ms = stepMs.now / SAMPLES;
  const before = stepMs.before / SAMPLES;
  if (id === 'chain') chainStep = ms;
  console.log(
    `${id.padEnd(14)}${`${input.height}×${input.width}`.padEnd(9)}${compactNumber(Math.round(params / SAMPLES)).padStart(9)}${(buildMs / SAMPLES).toFixed(1).padStart(17)}${before.toFixed(1).padStart(11)}${ms.toFixed(1).padStart(10)}${`${(before / ms).toFixed(2)} ×`.padStart(10)}${(chainStep > 0 ? (ms / chainStep).toFixed(2) : '—').padStart(9)}`,
  );
}
