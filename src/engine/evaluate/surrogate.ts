import type { SearchSpace } from '../../core/space/types';
import { oneHot } from '../../core/strategy/encoding';
import { Surrogate } from '../../core/strategy/surrogate';
import { createRng } from '../../core/rng';
import type { Evaluation } from '../../contracts/events';
import { latencyField, type LatencyOf } from './latency';
import type { EvaluateHooks, Evaluator } from './types';

export interface SurrogateSettings {
  /** Trials trained for real before any is predicted. */
  warmup: number;
  /** After the warm-up, one trial in this many is trained for real; the rest are predicted. */
  trainEvery: number;
}

/**
 * The seed's surrogate evaluation: after a warm-up of real trainings, most candidates are scored
 * by an ensemble of small MLPs fitted to the real results so far, and one in `trainEvery` is still
 * trained, so the predictor keeps learning. Predicted trials are marked as such.
 */
export class SurrogateEvaluator implements Evaluator {
  readonly kind = 'surrogate';
  private readonly seen: Array<{ features: Float64Array; accuracy: number }> = [];
  private model: Surrogate | null = null;
  private modelSize = 0;

  constructor(
    private readonly inner: Evaluator,
    private readonly space: SearchSpace,
    private readonly cost: (genotype: unknown) => { params: number; flops: number },
    private readonly settings: SurrogateSettings,
    private readonly seed: number,
    /** Where the reward trades accuracy against latency: a predicted trial's is measured, as a trained one's. */
    private readonly latency: LatencyOf | null = null,
  ) {}

  replay(genotype: unknown, index: number, evaluation: Evaluation): void {
    if (evaluation.predicted) return;
    this.inner.replay?.(genotype, index, evaluation);
    this.seen.push({ features: oneHot(this.space.decisions(), this.space.toDecisions(genotype)), accuracy: evaluation.accuracy });
  }

  useData(data: Parameters<NonNullable<Evaluator['useData']>>[0]): void {
    this.inner.useData?.(data);
  }

  async measureTest(genotype: unknown, index: number, hooks: EvaluateHooks = {}): Promise<number | undefined> {
    return (await this.inner.evaluate(genotype, index, hooks)).testAccuracy;
  }

  async evaluate(genotype: unknown, index: number, hooks: EvaluateHooks = {}, fidelity = 1): Promise<Evaluation> {
    const features = oneHot(this.space.decisions(), this.space.toDecisions(genotype));
    const real = index < this.settings.warmup || (index - this.settings.warmup) % this.settings.trainEvery === this.settings.trainEvery - 1;
    if (real || this.seen.length < 2) {
      const result = await this.inner.evaluate(genotype, index, hooks, fidelity);
      this.seen.push({ features, accuracy: result.accuracy });
      return result;
    }
    await hooks.between?.();
    const started = performance.now();
    if (!this.model || this.modelSize !== this.seen.length) {
      this.model = Surrogate.fit(
        this.seen.map((s) => s.features),
        this.seen.map((s) => s.accuracy),
        createRng(this.seed).fork(`surrogate-${this.seen.length}`),
      );
      this.modelSize = this.seen.length;
    }
    const { mean, std } = this.model.predict(features);
    return {
      accuracy: Math.min(1, Math.max(0, mean)),
      predicted: { std },
      curve: [],
      ...this.cost(genotype),
      ...(await latencyField(this.latency, genotype)),
      seconds: (performance.now() - started) / 1000,
    };
  }
}
