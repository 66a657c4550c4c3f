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

/** α (or a controller's sampling frequencies) at one moment of a one-shot search, for the heat map. */
export interface AlphaSnapshot {
  /** Epochs done over all stages, fractional within an epoch. */
  epoch: number;
  stage: number;
  kind: 'alpha' | 'frequency';
  ops: string[];
  edges: Array<{ group: string; label: string }>;
  /** [edge][op] probabilities. */
  probs: number[][];
  /** [edge][op]: still a candidate (P-DARTS prunes). */
  allowed: boolean[][];
  parameterFree: boolean[];
  /** Mean probability mass on parameter-free ops (none, skip, pooling) over edges. */
  parameterFreeShare: number;
  /** The genotype α gives now, and its ops per edge (indices into `ops`). */
  derived: string;
  chosen: number[][];
  /** Share of the derived genotype's ops that have no weights. */
  derivedParameterFree: number;
}

/** The supernet as it trains: size, memory of a step, where it is. */
export interface SupernetInfo {
  method: string;
  stage: number;
  stages: number;
  epoch: number;
  epochs: number;
  cells: number;
  params: number;
  weightBytes: number;
  /** Validation accuracy of the mixed supernet (DARTS family), beside the derived sub-network's: the discretisation gap. */
  supernetAccuracy: number | null;
  /** Bytes held at the end of the largest forward pass of the last epoch: the activations a step needs. */
  stepBytes: number;
  stepTensors: number;
  peakStepBytes: number;
}

/** The typed stream the UI and the CLI both render. */
export type EngineEvent =
  | { type: 'start'; info: StartInfo }
  | { type: 'trial-start'; index: number; encoded: string; origin: string; graph: ArchGraph }
  | { type: 'epoch'; index: number; report: EpochReport }
  | { type: 'trial'; trial: TrialRecord }
  | { type: 'log'; message: string }
  | { type: 'alphas'; snapshot: AlphaSnapshot }
  | { type: 'supernet'; info: SupernetInfo }
  /** `best`: index of the trial the search returns (a one-shot search returns its derived genotype, not the top scorer). */
  | { type: 'done'; stopped: boolean; digest: ResultDigest | null; best?: number | null }
  | { type: 'error'; error: ErrorInfo };

export type Emit = (event: EngineEvent) => void;
