/**
 * Weight sharing against training from scratch, side by side in one run, on UCI digits (WASM):
 *
 *   (a) the time to rank K NAS-Bench-201 cells with one SPOS supernet (train it once, then score
 *       every cell with inherited weights) against the time to train the same K from scratch;
 *   (b) Kendall τ and Spearman ρ between the two rankings, beside the ceiling set by the noise of
 *       training from scratch itself (the same cells trained again with another seed);
 *   (c) the activations one training step keeps in memory: DARTS (every op on every edge) against
 *       ProxylessNAS (one sampled path), on the same supernets;
 *   (d) Auto-DeepLab's β: DARTS over the resolution trellis, its decoded path, β's entropy by
 *       epoch, the decoded network's accuracy and the cost (bench/weight-sharing-adl.ts, which runs alone too);
 *   (e) ProxylessNAS on the MnasNet-style space without and with its latency term (proxyless-mnas.ts).
 *
 *   npm run bench:weight-sharing [-- K EPOCHS SUPERNET_EPOCHS]
 */
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_ONE_SHOT } from '../src/core/one-shot';
import { createRng } from '../src/core/rng';
import { CellSpace } from '../src/core/space/cell';
import { Nb201Space } from '../src/core/space/nb201';
import type { SearchSpace } from '../src/core/space/types';
import { kendallTau, spearman } from '../src/core/stats';
import { parseExperiment } from '../src/core/experiment';
import { prepareData } from '../src/data/load';
import { readPublicAsset } from '../src/data/node-assets';
import { weightStep } from '../src/engine/one-shot/common';
import { createMethod, Darts, Proxyless, type MethodSetup } from '../src/engine/one-shot/methods';
import { ScratchEvaluator } from '../src/engine/evaluate/scratch';
import { useNodeBackend } from '../src/nn/backend-node';
import { Optimizer } from '../src/nn/optimizer';
import { buildSupernet, pathChooser } from '../src/nn/supernet/index';
import { batchTensors, type TrainData } from '../src/nn/train';
import { autoDeepLab } from './weight-sharing-adl';
import { benchProxylessMnas } from './proxyless-mnas';

await useNodeBackend('wasm');
const [K, EPOCHS, SUPERNET_EPOCHS] = [Number(process.argv[2] ?? 100), Number(process.argv[3] ?? 3), Number(process.argv[4] ?? 6)];
const NOISE_SUBSET = Math.min(K, 30);
const x = parseExperiment({ dataset: 'digits', space: 'nb201', training: { epochs: EPOCHS } });
const data = await prepareData(x, readPublicAsset);
const space = new Nb201Space(x.spaceSettings.nb201);
const training = { ...x.training, epochs: EPOCHS };

// K distinct cells (distinct up to isomorphism), the same for both rankings.
const rng = createRng('bench-weight-sharing');
const cells: unknown[] = [];
const seen = new Set<string>();
while (cells.length < K) {
  const g = space.sample(rng);
  const key = space.canonical(g);
  if (!seen.has(key)) {
    seen.add(key);
    cells.push(g);
  }
}
console.log(
  `NAS-Bench-201 cells on UCI digits (${data.train.n} train / ${data.val.n} validation), ${x.spaceSettings.nb201.channels} channels, WASM; K = ${K} cells`,
);

// From scratch: each cell trained for EPOCHS epochs.
const scratch = new ScratchEvaluator(space, data, training, 1);
let started = performance.now();
const scratchAcc: number[] = [];
for (let i = 0; i < K; i++) scratchAcc.push((await scratch.evaluate(cells[i], i)).accuracy);
const scratchSeconds = (performance.now() - started) / 1000;

// The same cells again with another seed: how well training from scratch agrees with itself.
const again = new ScratchEvaluator(space, data, training, 2);
const againAcc: number[] = [];
for (let i = 0; i < NOISE_SUBSET; i++) againAcc.push((await again.evaluate(cells[i], i)).accuracy);

// SPOS: one supernet, uniform single paths, then every cell scored with inherited weights.
started = performance.now();
const supernet = buildSupernet(space, data.input, data.classes, createRng('bench-supernet'));
const setup: MethodSetup = {
  id: 'spos',
  space,
  supernet,
  data,
  training,
  settings: { ...DEFAULT_ONE_SHOT, epochs: SUPERNET_EPOCHS },
  seed: 1,
  stage: 0,
  allowed: supernet.edges.map(() => supernet.ops.map(() => true)),
  skipDropout: 0,
  between: async () => {},
  progress: () => {},
};
const spos = createMethod(setup);
for (let e = 1; e <= SUPERNET_EPOCHS; e++) await spos.trainEpoch(e);
const trainedAt = performance.now();
const sharedAcc: number[] = [];
for (let i = 0; i < K; i++) sharedAcc.push(await spos.score(cells[i], 1000 + i));
const sharedSeconds = (performance.now() - started) / 1000;
const scoreSeconds = (performance.now() - trainedAt) / 1000;
// Without recalibrating batch norm: the supernet's running statistics mix every path.
const plain = createMethod({ ...setup, settings: { ...setup.settings, recalibrate: false } });
const rawAcc: number[] = [];
for (let i = 0; i < K; i++) rawAcc.push(await plain.score(cells[i], 1000 + i));
plain.dispose();
spos.dispose();
supernet.dispose();

const row = (label: string, a: number[], b: number[]) =>
  console.log(`${label.padEnd(58)}${kendallTau(a, b).toFixed(3).padStart(8)}${spearman(a, b).toFixed(3).padStart(8)}`);
console.log(`\n(a) cost of ranking ${K} cells`);
console.log(`  from scratch, ${EPOCHS} epochs each:           ${scratchSeconds.toFixed(1).padStart(7)} s   1`);
console.log(
  `  SPOS supernet, ${SUPERNET_EPOCHS} epochs + ${K} scores:    ${sharedSeconds.toFixed(1).padStart(7)} s   1/${(scratchSeconds / sharedSeconds).toFixed(1)}  (scoring ${scoreSeconds.toFixed(1)} s)`,
);
console.log(`\n(b) agreement with the from-scratch ranking${' '.repeat(17)}Kendall τ  Spearman ρ`);
row(`  supernet, batch norm recalibrated`, scratchAcc, sharedAcc);
row(`  supernet, running statistics as trained`, scratchAcc, rawAcc);
row(`  ceiling: from scratch vs from scratch, another seed (${NOISE_SUBSET})`, scratchAcc.slice(0, NOISE_SUBSET), againAcc);
row(`  supernet on the same ${NOISE_SUBSET}`, scratchAcc.slice(0, NOISE_SUBSET), sharedAcc.slice(0, NOISE_SUBSET));
const best = (accs: number[]) => accs.indexOf(Math.max(...accs));
console.log(
  `  the supernet's top cell is #${[...scratchAcc].sort((a, b) => b - a).indexOf(scratchAcc[best(sharedAcc)]!) + 1} of ${K} from scratch (${(scratchAcc[best(sharedAcc)]! * 100).toFixed(1)} % vs best ${(Math.max(...scratchAcc) * 100).toFixed(1)} %)`,
);

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
