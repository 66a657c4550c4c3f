import type { SearchSpace } from '../../core/space/types';
import type { TrainData } from '../../nn/train';
import type { OneShotMethod } from '../one-shot/methods';
import type { Evaluation } from '../../contracts/events';
import { latencyField, type LatencyOf } from './latency';
import type { EvaluateHooks, Evaluator } from './types';

/**
 * Scores a genotype with the weights it inherits from a trained supernet (after recalibrating its
 * batch-norm statistics, unless turned off): milliseconds instead of a training run, at the price
 * of a ranking that only roughly follows training from scratch (see bench/weight-sharing).
 */
export class SupernetEvaluator implements Evaluator {
  readonly kind = 'supernet';

  constructor(
    private readonly method: OneShotMethod,
    private readonly space: SearchSpace,
    private readonly data: TrainData,
    /** Where the reward trades accuracy against latency: the sub-network's stand-alone latency. */
    private readonly latency: LatencyOf | null = null,
  ) {}

  async evaluate(genotype: unknown, index: number, hooks: EvaluateHooks = {}): Promise<Evaluation> {
    await hooks.between?.();
    const started = performance.now();
    const accuracy = await this.method.rankScore(genotype, 1000 + index);
    const latency = await latencyField(this.latency, genotype);
    return { accuracy, curve: [], ...this.space.cost(genotype, this.data.input, this.data.classes), ...latency, seconds: (performance.now() - started) / 1000 };
  }
}
