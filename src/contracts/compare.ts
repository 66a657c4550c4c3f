import type { StrategyId } from '../core/strategy/index';

/** One strategy over the compared seeds: the returned architecture's score after every trial. */
export interface StrategyComparison {
  strategy: StrategyId;
  /** A run elsewhere (an exported Ray Tune or NNI project's results), named instead of the strategy it mirrors. */
  label?: string;
  /** One curve per seed. */
  curves: number[][];
  mean: number[];
  std: number[];
}

export interface CompareProgress {
  done: number;
  total: number;
  strategy: StrategyId;
  seed: number;
}
