import type { RngState } from '../rng';

/** What a strategy asks the engine to evaluate next. */
export interface Proposal {
  genotype: unknown;
  encoded: string;
  /** Why this candidate: `random`, `mutation of #4`, … shown in the trial table. */
  origin: string;
  /** Share of the full training budget to spend on it, in (0, 1]; absent means all of it. */
  fidelity?: number;
}

/** What the engine tells the strategy back: the candidate and the reward it earned. */
export interface Outcome {
  index: number;
  genotype: unknown;
  encoded: string;
  /** The reward the strategy maximises (validation accuracy, 0..1). */
  reward: number;
}

export interface StrategyState {
  kind: string;
  rng: RngState;
  [field: string]: unknown;
}

/** Ask/tell search strategy (as in Optuna or NNI); its state is plain JSON so a search can resume exactly. */
export interface Strategy {
  readonly id: string;
  ask(): Proposal;
  tell(outcome: Outcome): void;
  state(): StrategyState;
}
