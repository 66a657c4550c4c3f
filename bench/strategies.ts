/**
 * Every strategy on the NAS-Bench-201 table (CIFAR-10 by default): mean ± std over 30 seeds of the
 * returned cell's 200-epoch test accuracy after 50, 100 and 200 queries. The returned cell is the
 * one with the best 12-epoch validation accuracy so far, which is all a strategy sees.
 *
 *   npm run bench:strategies [-- --seeds 30 --dataset cifar10]
 */
import { parseArgs } from 'node:util';
import { BENCHMARK_DATASETS, type BenchmarkDataset } from '../src/core/experiment';
import { Nb201Space } from '../src/core/space/nb201';
import { meanStd } from '../src/core/stats';
import { createStrategy, STRATEGIES } from '../src/core/strategy/index';
import { loadNb201Table } from '../src/data/nb201-table';
import { readPublicAsset } from '../src/data/node-assets';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '30' }, dataset: { type: 'string', default: 'cifar10' } } });
const seeds = Number(values.seeds);
const dataset = values.dataset as BenchmarkDataset;
if (!BENCHMARK_DATASETS.includes(dataset)) throw new Error(`--dataset must be one of ${BENCHMARK_DATASETS.join(', ')}`);
const checkpoints = [50, 100, 200];
const table = await loadNb201Table(readPublicAsset);
const space = new Nb201Space();

console.log(`NAS-Bench-201 ${dataset}: test accuracy (200 epochs) of the returned cell, mean ± std over ${seeds} seeds`);
console.log(`best cell in the table: ${(table.best(dataset) * 100).toFixed(2)}%\n`);
console.log(`| strategy | ${checkpoints.map((c) => `${c} queries`).join(' | ')} | ms per query |`);
console.log(`|---|${checkpoints.map(() => '---:').join('|')}|---:|`);
// Multi-fidelity strategies need lower fidelities, which this table does not hold.
for (const { id } of STRATEGIES.filter((s) => !s.multiFidelity)) {
  const at = new Map<number, number[]>(checkpoints.map((c) => [c, []]));
  const started = performance.now();
  for (let seed = 1; seed <= seeds; seed++) {
    const strategy = createStrategy(id, space, seed);
    let best = { valid: -1, test: 0 };
    for (let index = 0; index < Math.max(...checkpoints); index++) {
      const p = strategy.ask();
      const record = table.get(p.genotype as never, dataset);
      if (record.valid12 > best.valid) best = { valid: record.valid12, test: record.test200 };
      strategy.tell({ index, genotype: p.genotype, encoded: p.encoded, reward: record.valid12 });
      at.get(index + 1)?.push(best.test);
    }
  }
  const perQuery = (performance.now() - started) / (seeds * Math.max(...checkpoints));
  const cells = checkpoints.map((c) => {
    const { mean, std } = meanStd(at.get(c)!);
    return `${(mean * 100).toFixed(2)} ± ${(std * 100).toFixed(2)}`;
  });
  console.log(`| ${id} | ${cells.join(' | ')} | ${perQuery.toFixed(2)} |`);
}
