import type { BenchmarkDataset } from '../../core/experiment';
import { Nb201Space, type Nb201Genotype } from '../../core/space/nb201';
import { BENCHMARK_INFO, type Nb201Table } from '../../data/nb201-table';
import type { Evaluation } from '../../contracts/events';
import type { EvaluateHooks, Evaluator } from './types';

/**
 * Scores a NAS-Bench-201 cell by looking it up: the 12-epoch validation accuracy is the reward
 * (what a cheap real search would see), the 200-epoch test accuracy is reported beside it and
 * never shown to the strategy. Params and FLOPs are those of the benchmark's own network (16
 * channels, 5 cells per stage) on the dataset's images.
 */
export class Nb201LookupEvaluator implements Evaluator {
  readonly kind = 'nb201';
  private readonly network = new Nb201Space({ channels: 16, cellsPerStage: 5 });

  constructor(
    private readonly table: Nb201Table,
    private readonly dataset: BenchmarkDataset,
  ) {}

  async evaluate(genotype: unknown, _index: number, hooks: EvaluateHooks = {}): Promise<Evaluation> {
    await hooks.between?.();
    const g = genotype as Nb201Genotype;
    const record = this.table.get(g, this.dataset);
    const info = BENCHMARK_INFO[this.dataset];
    const cost = this.network.cost(g, { height: info.side, width: info.side, channels: 3 }, info.classes);
    return {
      accuracy: record.valid12,
      reported: { label: '200-epoch test', accuracy: record.test200 },
      curve: [],
      ...cost,
      seconds: 0,
    };
  }
}
