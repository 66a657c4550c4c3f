/** Scratch vs scratch with another seed on K NAS-Bench-201 cells: node --import tsx bench/ground-truth-probe.ts DATASET TRAIN VAL EPOCHS K CHANNELS */
import { createRng } from '../src/core/rng';
import { Nb201Space } from '../src/core/space/nb201';
import { kendallTau } from '../src/core/stats';
import { parseExperiment } from '../src/core/experiment';
import { ScratchEvaluator } from '../src/engine/evaluate/scratch';
import { useNodeBackend } from '../src/nn/backend-node';
import { shapesData } from './shapes-data';

await useNodeBackend('wasm');
const [, , , TRAIN, VAL, EPOCHS, K, CH] = process.argv.map(Number);
const x = parseExperiment({ dataset: 'digits', space: 'nb201', training: { epochs: EPOCHS } });
const data = shapesData(TRAIN!, VAL!);
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
const ev1 = new ScratchEvaluator(space, data, { ...x.training, epochs: EPOCHS! }, 1);
const ev2 = new ScratchEvaluator(space, data, { ...x.training, epochs: EPOCHS! }, 2);
const a: number[] = [];
const b: number[] = [];
for (let i = 0; i < K!; i++) {
  a.push((await ev1.evaluate(cells[i], i)).accuracy);
  b.push((await ev2.evaluate(cells[i], i)).accuracy);
  if ((i + 1) % 10 === 0 || i + 1 === K) {
    const sorted = [...a].sort((p, q) => p - q);
    console.log(
      `train ${TRAIN} val ${VAL} epochs ${EPOCHS} ch ${CH}: ${i + 1} cells tau ${kendallTau(a, b).toFixed(3)}  ${((performance.now() - t0) / 1000).toFixed(0)} s both seeds  acc min ${sorted[0]!.toFixed(3)} median ${sorted[sorted.length >> 1]!.toFixed(3)} max ${sorted[sorted.length - 1]!.toFixed(3)}`,
    );
  }
}
