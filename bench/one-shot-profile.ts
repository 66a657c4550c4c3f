/**
 * Where a DARTS weight step's time goes (WASM), kernel by kernel, with every op of an edge on its
 * own and with the work of a node's edges shared: kernels launched, ms per step, and the kernels
 * that take the most time. Run by bench/one-shot-speed.ts; the step is the page's (batch 32, digits).
 */
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_ONE_SHOT } from '../src/core/one-shot';
import { experimentSpace, type Experiment } from '../src/core/experiment';
import { createRng } from '../src/core/rng';
import { prepareData } from '../src/data/load';
import { readPublicAsset } from '../src/data/node-assets';
import { BatchStream, disposeBatch, weightStep } from '../src/engine/one-shot/common';
import { Darts } from '../src/engine/one-shot/methods';
import { Optimizer } from '../src/nn/optimizer';
import { buildSupernet } from '../src/nn/supernet/index';

interface StepProfile {
  kernels: number;
  ms: number;
  top: [string, number][];
}

async function profileOne(x: Experiment, shareEdgeWork: boolean, steps: number): Promise<StepProfile> {
  const data = await prepareData(x, readPublicAsset);
  const space = experimentSpace(x);
  const supernet = buildSupernet(space, data.input, data.classes, createRng('profile'), { shareEdgeWork });
  const allowed = supernet.edges.map(() => supernet.ops.map(() => true));
  const settings = { ...DEFAULT_ONE_SHOT, shareEdgeWork };
  const method = new Darts({
    id: 'darts',
    space,
    supernet,
    data,
    training: x.training,
    settings,
    seed: 1,
    stage: 0,
    allowed,
    skipDropout: 0,
    between: async () => {},
    progress: () => {},
  });
  const optimizer = new Optimizer('adam', supernet.ctx.trainable, x.training.weightDecay);
  const batch = new BatchStream(data.train, data.input, data.classes, x.training.batchSize, createRng('profile-batches')).next();
  await weightStep(supernet, optimizer, 0.01, batch, method.mixed());
  const started = performance.now();
  for (let i = 0; i < steps; i++) await weightStep(supernet, optimizer, 0.01, batch, method.mixed());
  const ms = (performance.now() - started) / steps;
  const info = await tf.profile(async () => void (await weightStep(supernet, optimizer, 0.01, batch, method.mixed())));
  const byName = new Map<string, number>();
  for (const k of info.kernels) {
    const t = await (k as { kernelTimeMs?: unknown }).kernelTimeMs;
    byName.set(k.name, (byName.get(k.name) ?? 0) + (typeof t === 'number' ? t : 0));
  }
  disposeBatch(batch);
  optimizer.dispose();
  method.dispose();
  supernet.dispose();
  return { kernels: info.kernels.length, ms, top: [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6) };
}

/** One weight step of DARTS's mixed supernet, before and after sharing, alternating `rounds` times. */
export async function profileDartsStep(title: string, x: Experiment, rounds = 2, steps = 3): Promise<void> {
  const runs: StepProfile[][] = [[], []];
  for (let r = 0; r < rounds; r++) for (const share of [false, true]) runs[share ? 1 : 0]!.push(await profileOne(x, share, steps));
  console.log(`\n${title}: one DARTS weight step (mixed ops), batch ${x.training.batchSize}, WASM`);
  for (const [i, name] of ['before', 'shared'].entries()) {
    const best = runs[i]!.reduce((a, b) => (b.ms < a.ms ? b : a));
    const top = best.top.map(([k, t]) => `${k} ${t.toFixed(0)}`).join(', ');
    console.log(`${name.padEnd(8)} ${best.kernels} kernels, ${best.ms.toFixed(0)} ms/step (fastest of ${rounds}); most time (ms, profiled): ${top}`);
  }
}
