/**
 * The depth gap measured: a short search of the DARTS-like cell space on the UCI digits (random
 * search, its trials trained at search depth), then the returned cell retrained from scratch at
 * search depth and at evaluation depth with the same, longer training, per seed, on WASM. The
 * search-depth retraining is the control: what more epochs alone give, so the difference between
 * the two retrained lines is the depth's.
 *
 *   npm run bench:eval-depth [-- --seeds 1,2,3 --budget 6 --epochs 2 --eval-epochs 6]
 */
import { parseArgs } from 'node:util';
import type { EvalDepthResult } from '../src/contracts/eval-depth';
import { depthPlan } from '../src/core/eval-depth';
import { parseExperiment } from '../src/core/experiment';
import { compactNumber } from '../src/core/format';
import { meanStd } from '../src/core/stats';
import { readPublicAsset } from '../src/data/node-assets';
import { retrainAtDepth } from '../src/engine/eval-depth';
import { runSearch } from '../src/engine/search';
import { useNodeBackend } from '../src/nn/backend-node';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '1,2,3' },
    budget: { type: 'string', default: '6' },
    epochs: { type: 'string', default: '2' },
    'eval-epochs': { type: 'string', default: '6' },
  },
});
await useNodeBackend('wasm');
const seeds = values.seeds.split(',').map(Number);
const evalEpochs = Number(values['eval-epochs']);
const pct = (a: number | undefined) => (a === undefined ? '   —  ' : `${(a * 100).toFixed(1).padStart(5)}%`);
const rows: Array<{ seed: number; searched: EvalDepthResult; deep: EvalDepthResult }> = [];
console.log(`cell space (DARTS ops), digits, random search of ${values.budget} trials × ${values.epochs} epochs, retrained ${evalEpochs} epochs, WASM\n`);
console.log(
  `${'seed'.padEnd(6)}${'network'.padEnd(34)}${'cells'.padStart(6)}${'params'.padStart(9)}${'val'.padStart(8)}${'test'.padStart(8)}${'s'.padStart(7)}`,
);
for (const seed of seeds) {
  const x = parseExperiment({
    dataset: 'digits',
    space: 'cell',
    strategy: 'random',
    budget: Number(values.budget),
    seed,
    training: { epochs: Number(values.epochs) },
  });
  const result = await runSearch(x, { readAsset: readPublicAsset, backend: 'wasm' }, () => undefined);
  const best = result.best!;
  const plan = depthPlan(x, best.genotype);
  const searched = await retrainAtDepth(x, best, { depth: plan.searched, epochs: evalEpochs }, { readAsset: readPublicAsset });
  const deep = await retrainAtDepth(x, best, { depth: plan.depth, epochs: evalEpochs }, { readAsset: readPublicAsset });
  rows.push({ seed, searched, deep });
  const line = (name: string, f: EvalDepthResult['search']) =>
    console.log(
      `${String(seed).padEnd(6)}${name.padEnd(34)}${String(f.depth).padStart(6)}${compactNumber(f.params).padStart(9)}${pct(f.validationAccuracy).padStart(8)}${pct(f.testAccuracy).padStart(8)}${f.seconds.toFixed(1).padStart(7)}`,
    );
  line(`as searched (${searched.search.epochs} epochs)`, searched.search);
  line(`search depth, ${evalEpochs} epochs`, searched.evaluation);
  line(`evaluation depth, ${evalEpochs} epochs`, deep.evaluation);
}
const summary = (name: string, pick: (r: (typeof rows)[number]) => number | undefined) => {
  const v = rows.map(pick).filter((a): a is number => a !== undefined);
  const { mean, std } = meanStd(v);
  console.log(`${name.padEnd(40)}${(mean * 100).toFixed(1)} ± ${(std * 100).toFixed(1)} %  (n = ${v.length})`);
};
console.log('\ntest accuracy, mean ± std over seeds');
summary('as searched', (r) => r.searched.search.testAccuracy);
summary(`search depth, ${evalEpochs} epochs`, (r) => r.searched.evaluation.testAccuracy);
summary(`evaluation depth, ${evalEpochs} epochs`, (r) => r.deep.evaluation.testAccuracy);
