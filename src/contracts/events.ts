/**
 * The page↔worker contracts (this folder): the events of a run, the records and reports they
 * carry, and the worker's API. Types and pure helpers over core's types only, so the engine, nn,
 * data and the worker declare what they send here, and the page reads it without loading any of
 * them (test/contracts/imports.test.ts holds it so).
 */
import type { ResultDigest } from '../core/digest';
import type { ErrorInfo } from '../core/errors';
import type { ArchGraph } from '../core/space/types';
import type { AppendReport } from './append';
import type { BackendReport } from './backend';
import type { StepInfo } from './step';

/** One epoch of training, as the trainer reports it and the trial curve draws it. */
export interface EpochReport {
  epoch: number;
  loss: number;
  valAccuracy: number;
}

/** What an evaluator measured of one architecture. */
export interface Evaluation {
  /** Validation accuracy, 0..1 (the reward, unless a multi-objective goal builds one from it). */
  accuracy: number;
  /** A figure reported beside it but never shown to the strategy, e.g. the benchmark's 200-epoch test accuracy. */
  reported?: { label: string; accuracy: number };
  /** Accuracy on the held-out test split, 0..1: measured, never shown to the strategy; absent where there is none or nothing was trained. */
  testAccuracy?: number;
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

/** What the page and the CLI show about the data behind an evaluator. */
export interface EvaluatorInfo {
  title: string;
  train: number;
  val: number;
  /** Examples held out for testing the returned architecture (0 or absent: none). */
  test?: number;
  classes: number;
}

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
  /** Where files were appended to the data while the search ran: how many this trial trained with, and its training examples. */
  data?: { version: number; train: number };
}

export interface StartInfo {
  /** The tfjs backend, or "table" for a lookup that runs no model. */
  backend: string;
  dataset: EvaluatorInfo;
  evaluator: string;
  spaceTitle: string;
  spaceSize: number;
  budget: number;
  /** The search returns its latest trial (a genotype read off α), not its top scorer: what a digest made mid-run names. */
  returnsLatest?: boolean;
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
  /** Auto-DeepLab's β (resolution space), beside α: the trellis' move probabilities and the path Viterbi decodes from them. */
  beta?: BetaSnapshot;
  /** ProxylessNAS on the MnasNet space: the per-block latency table measured on this device. */
  latency?: LatencyView;
}

/** β at one moment: per trellis node a path can leave (layer 0-based, level), the softmax over its moves. */
export interface BetaSnapshot {
  moves: string[];
  rows: Array<{ layer: number; level: number }>;
  /** [row][move]; 0 for a move off the ladder. */
  probs: number[][];
  /** The decoded path: the level after each layer. */
  path: number[];
  /** Mean entropy of the rows in nats: log 3 undecided, 0 one-hot. */
  entropy: number;
}

/** ms[edge][op] of each block at its layer's shape (0 for zero), `fixed` (stem and head), and the target E[LAT] is held to, in ms. */
export interface LatencyView {
  ms: number[][];
  fixed: number;
  target: number;
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

/** The typed stream the engine emits, and the UI and the CLI both render. */
export type EngineEvent =
  | { type: 'start'; info: StartInfo }
  | { type: 'trial-start'; index: number; encoded: string; origin: string; graph: ArchGraph }
  | { type: 'epoch'; index: number; report: EpochReport }
  | { type: 'trial'; trial: TrialRecord }
  | { type: 'log'; message: string }
  /** Files were appended to the data: the trials from the next on train on `dataset`. */
  | { type: 'data'; dataset: EvaluatorInfo; appended: AppendReport[] }
  | { type: 'alphas'; snapshot: AlphaSnapshot }
  | { type: 'supernet'; info: SupernetInfo }
  /** Step mode: the search waits after this phase until it is resumed (Next). */
  | { type: 'step'; step: StepInfo }
  /**
   * `best`: index of the trial the search returns (a one-shot search returns its derived genotype,
   * not the top scorer); `test`: its accuracy on the held-out test split, where it was measured only
   * at the end (a genotype scored with shared weights, or one the surrogate had only predicted).
   */
  | { type: 'done'; stopped: boolean; digest: ResultDigest | null; best?: number | null; test?: number }
  | { type: 'error'; error: ErrorInfo };

export type Emit = (event: EngineEvent) => void;

/** The worker moved the search to another backend while it ran (a lost GPU falls back to WASM); `reason` says so to the person. */
export interface BackendChange {
  type: 'backend';
  report: BackendReport;
  reason: string;
}

/** What the page receives from a run: the engine's events, and the worker's own about where they run. */
export type RunEvent = EngineEvent | BackendChange;
