import { createRng } from '../../core/rng';
import { WithHyperparameters, type WithHp } from '../../core/space/with-hyperparameters';
import type { SearchSpace } from '../../core/space/types';
import { buildNetwork } from '../../nn/build';
import { measureLatency } from '../../nn/latency';
import type { EpochReport, Evaluation } from '../../contracts/events';
import { splitAccuracy, train, type TrainData, type TrainSettings } from '../../nn/train';
import type { EvaluateHooks, Evaluator } from './types';

/**
 * Trains each candidate from scratch for `epochs` (the fidelity) and reports its final
 * validation accuracy (and, beside it, its accuracy on the held-out test split). Weights and shuffling come from a stream forked per trial, so trial k
 * trains the same way whatever came before it.
 */
export class ScratchEvaluator implements Evaluator {
  readonly kind = 'scratch';
  /** Validation accuracy by epoch of every finished trial, for the median stopping rule. */
  private readonly history: number[][] = [];

  constructor(
    private readonly space: SearchSpace,
    private data: TrainData,
    private readonly settings: TrainSettings & { earlyStopping?: boolean },
    private readonly seed: number,
  ) {}

  /** Median stopping rule (Golovin et al. 2017): below the median of at least three earlier trials at this epoch. */
  private belowMedian(report: EpochReport): boolean {
    const earlier = this.history.filter((c) => c.length >= report.epoch).map((c) => c[report.epoch - 1]!);
    if (earlier.length < 3) return false;
    earlier.sort((a, b) => a - b);
    const mid = earlier.length / 2;
    const median = earlier.length % 2 ? earlier[Math.floor(mid)]! : (earlier[mid - 1]! + earlier[mid]!) / 2;
    return report.valAccuracy < median;
  }

  useData(data: TrainData): void {
    this.data = data;
  }

  replay(_genotype: unknown, _index: number, evaluation: Evaluation): void {
    this.history.push(evaluation.curve.map((r) => r.valAccuracy));
  }

  async evaluate(genotype: unknown, index: number, hooks: EvaluateHooks = {}, fidelity = 1): Promise<Evaluation> {
    const started = performance.now();
    const rng = createRng(this.seed).fork(`trial-${index}`);
    const cost = this.space.cost(genotype, this.data.input, this.data.classes);
    // With joint HPO the genotype carries its own training hyperparameters.
    const [space, arch, settings] =
      this.space instanceof WithHyperparameters
        ? [this.space.inner, (genotype as WithHp<unknown>).arch, { ...this.settings, ...(genotype as WithHp<unknown>).hp }]
        : [this.space, genotype, this.settings];
    const epochs = Math.max(1, Math.round(settings.epochs * fidelity));
    const net = buildNetwork(space, arch, this.data.input, this.data.classes, rng.fork('init'));
    try {
      const stopAfter = this.settings.earlyStopping ? (r: EpochReport) => this.belowMedian(r) : undefined;
      const curve = await train(net, this.data, { ...settings, epochs }, rng.fork('shuffle'), { ...hooks, stopAfter });
      this.history.push(curve.map((r) => r.valAccuracy));
      const seconds = (performance.now() - started) / 1000;
      const latencyMs = await measureLatency(net, this.data.input);
      await hooks.keep?.(net);
      const stoppedEarly = curve.length < epochs;
      // Measured now, while the weights exist; the strategy is told only the validation accuracy.
      const test = this.data.test?.n ? { testAccuracy: await splitAccuracy(net, this.data, this.data.test) } : {};
      return { accuracy: curve[curve.length - 1]!.valAccuracy, curve, epochs: curve.length, stoppedEarly, ...cost, latencyMs, seconds, ...test };
    } finally {
      net.ctx.dispose();
    }
  }
}
