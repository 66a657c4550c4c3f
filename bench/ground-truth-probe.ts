/**
 * Scratch vs scratch with another seed on K NAS-Bench-201 cells, on the procedural shapes:
 *
 *   node --import tsx bench/ground-truth-probe.ts TRAIN VAL EPOCHS K CHANNELS [TEST] [--classes 8] [--noise σ] [--side PX]
 *
 * Every 10 cells it prints the seed-to-seed Kendall τ scored on the VAL validation examples and,
 * with TEST > 0, on TEST held-out examples too (scoring noise against training noise), the mean
 * |Δ accuracy| between the seeds on each, the spread of the accuracies and the seconds so far.
 */
import { parseArgs } from 'node:util';
import { createRng } from '../src/core/rng';
import { Nb201Space } from '../src/core/space/nb201';
import { kendallTau, spearman } from '../src/core/stats';
import { parseExperiment } from '../src/core/experiment';
import { ScratchEvaluator } from '../src/engine/evaluate/scratch';
import { useNodeBackend } from '../src/nn/backend-node';
import { shapesData } from './shapes-data';

await useNodeBackend('wasm');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { classes: { type: 'string' }, noise: { type: 'string' }, side: { type: 'string' } },
});
const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));
const task = { classes: number(values.classes) as 4 | 8 | undefined, noise: number(values.noise), side: number(values.side) };
const [TRAIN, VAL, EPOCHS, K, CH, TEST = 0] = positionals.map(Number);
const x = parseExperiment({ dataset: 'digits', space: 'nb201', training: { epochs: EPOCHS } });
const data = shapesData(TRAIN!, VAL!, TEST, task);
const space = new Nb201Space({ ...x.spaceSettings.nb201, channels: CH! });
const rng = createRng('bench-weight-sharing');
const cells: unknown[] = [];
const seen = new Set<string>();
while (cells.length < K!) {
  const g = space.sample(rng);
  if (!seen.has(space.canonical(g))) {
    seen.add(space.canonical(g));
    cells.push(g);
  }
}
const t0 = performance.now();
// One scratch evaluator per seed, with what it scored on validation and on the held-out split.
const [one, two] = [1, 2].map((seed) => ({
  ev: new ScratchEvaluator(space, data, { ...x.training, epochs: EPOCHS! }, seed),
  val: [] as number[],
  held: [] as number[],
})) as [Seed, Seed];
interface Seed {
  ev: ScratchEvaluator;
  val: number[];
  held: number[];
}
const meanGap = (a: number[], b: number[]) => a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;
const row = (label: string, a: number[], b: number[]) => {
  const sorted = [...a].sort((p, q) => p - q);
  return `${label} tau ${kendallTau(a, b).toFixed(3)} rho ${spearman(a, b).toFixed(3)} |dacc| ${meanGap(a, b).toFixed(4)} acc min ${sorted[0]!.toFixed(3)} median ${sorted[sorted.length >> 1]!.toFixed(3)} max ${sorted[sorted.length - 1]!.toFixed(3)}`;
};
for (let i = 0; i < K!; i++) {
  for (const seed of [one, two]) {
    const e = await seed.ev.evaluate(cells[i], i);
    seed.val.push(e.accuracy);
    seed.held.push(e.testAccuracy ?? e.accuracy);
  }
  if ((i + 1) % 10 === 0 || i + 1 === K) {
    console.log(
      `${JSON.stringify(task)} train ${TRAIN} val ${VAL} epochs ${EPOCHS} ch ${CH}: ${i + 1} cells, ${((performance.now() - t0) / 1000).toFixed(0)} s both seeds`,
    );
    console.log(`  ${row(`validation (${VAL})`, one.val, two.val)}`);
    if (TEST > 0) console.log(`  ${row(`held-out (${TEST})`, one.held, two.held)}`);
  }
}
