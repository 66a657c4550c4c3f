import type { ResultDigest } from '../core/digest';
import type { ErrorInfo } from '../core/errors';
import type { ArchGraph } from '../core/space/types';
import type { EpochReport } from '../nn/train';
import type { EvaluatorInfo } from './evaluate/types';

export interface TrialRecord {
  /** 0-based position in the search. */
  index: number;
  encoded: string;
  genotype: unknown;
  origin: string;
  /** Validation accuracy, 0..1. */
  accuracy: number;
  /** What the strategy was told: the accuracy, or a multi-objective reward built from it. */
  reward: number;
  /** Epochs trained; fewer than the experiment's for a low-fidelity or early-stopped trial. */
  epochs?: number;
  stoppedEarly?: boolean;
  /** Scored by the surrogate evaluator instead of trained. */
  predicted?: { std: number };
  /** Median forward-pass time of one example on this device, ms; absent for table lookups. */
  latencyMs?: number;
  params: number;
  flops: number;
  /** Wall-clock seconds to build, train and evaluate. */
  seconds: number;
  curve: EpochReport[];
  /** A figure reported beside the reward, never seen by the strategy (the benchmark's 200-epoch test accuracy). */
  reported?: { label: string; accuracy: number };
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
