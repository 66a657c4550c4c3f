/**
 * Every strategy on the NAS-Bench-201 table (CIFAR-10 by default): mean ± std over 30 seeds of the
 * returned cell's 200-epoch test accuracy after 50, 100 and 200 queries. The returned cell is the
 * one with the best 12-epoch validation accuracy so far, which is all a strategy sees. PNAS runs
 * twice: growing cells block by block as in the paper (its default), and one decision at a time as
 * the playground's PNAS did before (what links made then still run).
 *
 *   npm run bench:strategies [-- --seeds 30 --dataset cifar10 --only pnas,random]
 */
import { parseArgs } from 'node:util';
import { BENCHMARK_DATASETS, type BenchmarkDataset } from '../src/core/experiment';
import { Nb201Space } from '../src/core/space/nb201';
import { meanStd } from '../src/core/stats';
import { createStrategy, STRATEGIES, type StrategyId, type StrategySettings } from '../src/core/strategy/index';
import { loadNb201Table } from '../src/data/nb201-table';
import { readPublicAsset } from '../src/data/node-assets';

const { values } = parseArgs({
  options: { seeds: { type: 'string', default: '30' }, dataset: { type: 'string', default: 'cifar10' }, only: { type: 'string' } },
});
const only = values.only?.split(',');
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
const rows: Array<{ id: StrategyId; label: string; settings: StrategySettings }> = STRATEGIES.filter(
  (s) => !s.multiFidelity && (!only || only.includes(s.id)),
).flatMap((s) => [
  { id: s.id, label: s.id, settings: {} },
  ...(s.id === 'pnas' ? [{ id: s.id, label: 'pnas, one decision at a time (before)', settings: { pnas: { growth: 'decisions' as const } } }] : []),
]);
for (const { id, label, settings } of rows) {
  const at = new Map<number, number[]>(checkpoints.map((c) => [c, []]));
  const started = performance.now();
  for (let seed = 1; seed <= seeds; seed++) {
    const strategy = createStrategy(id, space, seed, settings);
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
  console.log(`| ${label} | ${cells.join(' | ')} | ${perQuery.toFixed(2)} |`);
}
