import type { DepthPlan, EvalDepthSetting } from '../core/eval-depth';

export type { DepthPlan, EvalDepthSetting };

/** The kept-model key of the returned trial retrained at evaluation depth (trials count from 0). */
export const EVAL_DEPTH_TRIAL = -1;

/** One network's figures: the returned trial as searched, or retrained at evaluation depth. */
export interface DepthFigures {
  /** In the plan's unit (cells, layers, blocks). */
  depth: number;
  epochs: number;
  validationAccuracy: number;
  /** On the held-out test split; absent where the experiment holds none out. */
  testAccuracy?: number;
  params: number;
  flops: number;
  /** Wall-clock seconds to build, train and evaluate it. */
  seconds: number;
}

/** Search depth and evaluation depth side by side, for the page, the CLI and the JSON. */
export interface EvalDepthResult {
  /** The trial retrained. */
  trial: number;
  unit: string;
  search: DepthFigures;
  evaluation: DepthFigures;
}

/** Where a retraining at evaluation depth is: epoch `epoch` of `epochs` finished. */
export interface EvalDepthProgress {
  epoch: number;
  epochs: number;
  valAccuracy: number;
}
