import type { EpochReport, TrainHooks } from '../../nn/train';

export interface Evaluation {
  /** Validation accuracy, 0..1 (the reward, unless a multi-objective goal builds one from it). */
  accuracy: number;
  /** A figure reported beside it but never shown to the strategy, e.g. the benchmark's 200-epoch test accuracy. */
  reported?: { label: string; accuracy: number };
  curve: EpochReport[];
  /** Epochs actually trained (a low-fidelity or early-stopped trial trains fewer). */
  epochs?: number;
  /** Ended by the median stopping rule before its last epoch. */
  stoppedEarly?: boolean;
  /** Scored by the surrogate instead of trained; `std` is the ensemble's spread. */
  predicted?: { std: number };
  /** Median forward-pass time of one example on this device, ms; absent for table lookups. */
  latencyMs?: number;
  params: number;
  /** Multiply–accumulates of one forward pass of one example. */
  flops: number;
  /** Wall-clock seconds to build, train and evaluate. */
  seconds: number;
}

/** What a caller may watch and pace while an evaluator trains: the training hooks, minus early stopping (the evaluator's own rule). */
export type EvaluateHooks = Pick<TrainHooks, 'onEpoch' | 'between'>;

export interface Evaluator {
  readonly kind: string;
  /** `fidelity` in (0, 1]: the share of the full training budget to spend. */
  evaluate(genotype: unknown, index: number, hooks?: EvaluateHooks, fidelity?: number): Promise<Evaluation>;
  /** Learns from a trial evaluated by an earlier run, as if it had evaluated it (resuming). */
  replay?(genotype: unknown, index: number, evaluation: Evaluation): void;
}

/** What the page and the CLI show about the data behind an evaluator. */
export interface EvaluatorInfo {
  title: string;
  train: number;
  val: number;
  classes: number;
}
