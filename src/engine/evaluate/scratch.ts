import { createRng } from '../../core/rng';
import type { SearchSpace } from '../../core/space/types';
import { buildNetwork } from '../../nn/build';
import { measureLatency } from '../../nn/latency';
import { train, type TrainData, type TrainSettings } from '../../nn/train';
import type { EvaluateHooks, Evaluation, Evaluator } from './types';

/**
 * Trains each candidate from scratch for `epochs` (the fidelity) and reports its final
 * validation accuracy. Weights and shuffling come from a stream forked per trial, so trial k
 * trains the same way whatever came before it.
 */
export class ScratchEvaluator implements Evaluator {
  readonly kind = 'scratch';

  constructor(
    private readonly space: SearchSpace,
    private readonly data: TrainData,
    private readonly settings: TrainSettings,
    private readonly seed: number,
  ) {}

  async evaluate(genotype: unknown, index: number, hooks: EvaluateHooks = {}): Promise<Evaluation> {
    const started = performance.now();
    const rng = createRng(this.seed).fork(`trial-${index}`);
    const cost = this.space.cost(genotype, this.data.input, this.data.classes);
    const net = buildNetwork(this.space, genotype, this.data.input, this.data.classes, rng.fork('init'));
    try {
      const curve = await train(net, this.data, this.settings, rng.fork('shuffle'), hooks);
      const seconds = (performance.now() - started) / 1000;
      const latencyMs = await measureLatency(net, this.data.input);
      return { accuracy: curve[curve.length - 1]!.valAccuracy, curve, ...cost, latencyMs, seconds };
    } finally {
      net.ctx.dispose();
    }
  }
}
