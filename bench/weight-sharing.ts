/**
 * Weight sharing against training from scratch, side by side in one run (WASM):
 *
 *   (a, b) K NAS-Bench-201 cells ranked on the procedural shapes: from scratch with six seeds (three
 *       averaged are the truth, the other three set the ceiling), and by one SPOS supernet per
 *       technique (fair sampling, more batch-norm recalibration, longer training, few-shot children,
 *       fine-tuning each path), each with Kendall τ and its cost (bench/weight-sharing-rank.ts;
 *       shapes sized in bench/shapes-data.ts);
 *   (c) the activations one training step keeps in memory: DARTS (every op on every edge) against
 *       ProxylessNAS (one sampled path), on the same supernets;
 *   (d) Auto-DeepLab's β: DARTS over the resolution trellis, its decoded path, β's entropy by
 *       epoch, the decoded network's accuracy and the cost (bench/weight-sharing-adl.ts, which runs alone too);
 *   (e) ProxylessNAS on the MnasNet-style space without and with its latency term (proxyless-mnas.ts).
 *
 *   npm run bench:weight-sharing [-- K EPOCHS SUPERNET_EPOCHS [--rank-only] [--only spos,epochs4,…]
 *                                    [--seeds S] [--scratch-cache /tmp/FILE.jsonl [--fill]] [--finetune-steps N]]
 *
 * --seeds S trains every cell from scratch with S seeds (even; 6 by default): the truth is the mean
 * of the first half, the ceiling its τ with the mean of the second. --scratch-cache keeps the
 * from-scratch results in a JSON-lines file (keep it under /tmp, not in the repository) and reuses
 * them; --fill only trains them into it, last cell first, so a second process can share the work.
 * --finetune-steps sets the finetune row's steps per cell (10).
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_ONE_SHOT } from '../src/core/one-shot';
import { createRng } from '../src/core/rng';
import { CellSpace } from '../src/core/space/cell';
import { Nb201Space } from '../src/core/space/nb201';
import type { SearchSpace } from '../src/core/space/types';
import { parseExperiment } from '../src/core/experiment';
import { prepareData } from '../src/data/load';
import { readPublicAsset } from '../src/data/node-assets';
import { weightStep } from '../src/engine/one-shot/common';
import { Darts, Proxyless, type MethodSetup } from '../src/engine/one-shot/methods';
import { useNodeBackend } from '../src/nn/backend-node';
import { Optimizer } from '../src/nn/optimizer';
import { buildSupernet, pathChooser } from '../src/nn/supernet/index';
import { batchTensors, type TrainData } from '../src/nn/train';
import { autoDeepLab } from './weight-sharing-adl';
import { rankTechniques } from './weight-sharing-rank';
import { GROUND_TRUTH, shapesData } from './shapes-data';
import { benchProxylessMnas } from './proxyless-mnas';

await useNodeBackend('wasm');
const { values, positionals: args } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' },
    'rank-only': { type: 'boolean', default: false },
    // Three seeds' mean against three others' is the first to agree to τ ≥ 0.6 (K = 40; README).
    seeds: { type: 'string', default: '6' },
    'scratch-cache': { type: 'string' },
    fill: { type: 'boolean', default: false },
    'finetune-steps': { type: 'string', default: '10' },
  },
});
const only = values.only?.split(',');
const [K, EPOCHS, SUPERNET_EPOCHS] = [Number(args[0] ?? 40), Number(args[1] ?? GROUND_TRUTH.epochs), Number(args[2] ?? 6)];
const SEEDS = Number(values.seeds);
if (!(SEEDS >= 2 && SEEDS % 2 === 0)) throw new Error(`--seeds takes an even number from 2, not ${values.seeds}`);
const x = parseExperiment({ dataset: 'digits', space: 'nb201', training: { epochs: EPOCHS } });
const training = { ...x.training, epochs: EPOCHS };
await rankTechniques({
  K,
  epochs: EPOCHS,
  supernetEpochs: SUPERNET_EPOCHS,
  channels: GROUND_TRUTH.channels,
  data: shapesData(GROUND_TRUTH.train, GROUND_TRUTH.val, GROUND_TRUTH.test, GROUND_TRUTH.task),
  training,
  only,
  seeds: SEEDS,
  cache: values['scratch-cache'],
  task: JSON.stringify({ ...GROUND_TRUTH, training }),
  fill: values.fill,
  finetuneSteps: Number(values['finetune-steps']),
});
if (values['rank-only'] || values.fill) process.exit(0);

const data = await prepareData(x, readPublicAsset);
const space = new Nb201Space(x.spaceSettings.nb201);
const supernet0 = buildSupernet(space, data.input, data.classes, createRng('bench-supernet'));
const setup: MethodSetup = {
  id: 'spos',
  space,
  supernet: supernet0,
  data,
  training: x.training,
  settings: { ...DEFAULT_ONE_SHOT, epochs: SUPERNET_EPOCHS },
  seed: 1,
  stage: 0,
  allowed: supernet0.edges.map(() => supernet0.ops.map(() => true)),
  skipDropout: 0,
  between: async () => {},
  progress: () => {},
};
supernet0.dispose();

// (c) memory of one weight step, DARTS vs ProxylessNAS, on the same supernet.
async function memory(label: string, s: SearchSpace, d: TrainData): Promise<void> {
  const net = buildSupernet(s, d.input, d.classes, createRng('bench-memory'));
  const base: MethodSetup = { ...setup, space: s, supernet: net, data: d, allowed: net.edges.map(() => net.ops.map(() => true)) };
  const darts = new Darts({ ...base, id: 'darts' });
  const proxyless = new Proxyless({ ...base, id: 'proxyless' });
  const optimizer = new Optimizer('sgd', net.ctx.trainable, 0);
  const idx = Array.from({ length: 32 }, (_, i) => i);
  const batch = { ...batchTensors(d.train, d.input, idx, d.classes), n: 32 };
  const all = await weightStep(net, optimizer, 0.01, batch, darts.mixed());
  const pathRng = createRng('paths');
  let one = { bytes: 0, tensors: 0 };
  for (let i = 0; i < 5; i++) {
    const step = await weightStep(net, optimizer, 0.01, batch, pathChooser(await proxyless.samplePath(pathRng)));
    if (step.memory.bytes > one.bytes) one = step.memory;
  }
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
  console.log(
    `  ${label.padEnd(40)}${mb(all.memory.bytes).padStart(10)} (${all.memory.tensors})${mb(one.bytes).padStart(10)} (${one.tensors})   ×${(all.memory.bytes / one.bytes).toFixed(1)}`,
  );
  tf.dispose([batch.x, batch.y]);
  optimizer.dispose();
  darts.dispose();
  proxyless.dispose();
  net.dispose();
}
console.log(`\n(c) activations kept by one weight step, batch 32      DARTS (tensors)  Proxyless, largest of 5 paths`);
await memory('NAS-Bench-201 supernet, 5 ops × 6 edges', space, data);
await memory('DARTS cell supernet, 8 ops × 14 edges', new CellSpace(), data);

// (d) Auto-DeepLab's network-level search.
await autoDeepLab();
// (e) ProxylessNAS in its own setting: the MnasNet-style space, without and with the latency term.
await benchProxylessMnas(SUPERNET_EPOCHS, 2);
