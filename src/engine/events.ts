import type { ResultDigest } from '../core/digest';
import type { ErrorInfo } from '../core/errors';
import type { ArchGraph } from '../core/space/types';
import type { EpochReport } from '../nn/train';
import type { Evaluation, EvaluatorInfo } from './evaluate/types';

/** A finished trial: what the evaluator measured, plus where it came from and what the strategy was told. */
export interface TrialRecord extends Evaluation {
  /** 0-based position in the search. */
  index: number;
  encoded: string;
  genotype: unknown;
  origin: string;
  /** What the strategy was told: the accuracy, or a multi-objective reward built from it. */
  reward: number;
  graph: ArchGraph;
}

export interface StartInfo {
  /** The tfjs backend, or "table" for a lookup that runs no model. */
  backend: string;
  dataset: EvaluatorInfo;
  evaluator: string;
  spaceTitle: string;
  spaceSize: number;
  budget: number;
}

/** The typed stream the UI and the CLI both render. */
export type EngineEvent =
  | { type: 'start'; info: StartInfo }
  | { type: 'trial-start'; index: number; encoded: string; origin: string; graph: ArchGraph }
  | { type: 'epoch'; index: number; report: EpochReport }
  | { type: 'trial'; trial: TrialRecord }
  | { type: 'log'; message: string }
  | { type: 'done'; stopped: boolean; digest: ResultDigest | null }
  | { type: 'error'; error: ErrorInfo };

export type Emit = (event: EngineEvent) => void;
