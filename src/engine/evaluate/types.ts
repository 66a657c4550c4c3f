import type { Evaluation } from '../../contracts/events';
import type { Network } from '../../nn/network';
import type { TrainData, TrainHooks } from '../../nn/train';

/**
 * What a caller may watch and pace while an evaluator trains: the training hooks, minus early
 * stopping (the evaluator's own rule); `keep` reads the trained network before it is freed.
 */
export type EvaluateHooks = Pick<TrainHooks, 'onEpoch' | 'between'> & { keep?(net: Network): Promise<void> };

export interface Evaluator {
  readonly kind: string;
  /** `fidelity` in (0, 1]: the share of the full training budget to spend. */
  evaluate(genotype: unknown, index: number, hooks?: EvaluateHooks, fidelity?: number): Promise<Evaluation>;
  /**
   * The held-out test accuracy of a genotype that was scored without training (predicted): trains
   * it as trial `index` would have been trained. Absent where every evaluation measures it already.
   */
  measureTest?(genotype: unknown, index: number, hooks?: EvaluateHooks): Promise<number | undefined>;
  /** Learns from a trial evaluated by an earlier run, as if it had evaluated it (resuming). */
  replay?(genotype: unknown, index: number, evaluation: Evaluation): void;
  /** Trains the next trials on this data (more rows appended while the search runs; same input and classes). */
  useData?(data: TrainData): void;
}
