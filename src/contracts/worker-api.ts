import type { ResultLinkBody } from '../core/classroom/result-link';
import type { ResultDigest } from '../core/digest';
import type { StepTiming } from '../core/estimate';
import type { DeviceRow } from '../core/device-figures';
import type { BackendPreference, Experiment } from '../core/experiment';
import type { StrategyId } from '../core/strategy/index';
import type { AppendReport } from './append';
import type { BackendReport, MemoryInfo } from './backend';
import type { CompareProgress, StrategyComparison } from './compare';
import type { DataPreview, DownloadProgress, UserFileSummary } from './data';
import type { RunEvent, TrialRecord } from './events';
import type { EvalDepthProgress, EvalDepthResult, EvalDepthSetting } from './eval-depth';
import type { SavedRunCheck } from './runs';
import type { ExportedFile, ExportFormat, KeptModel, Prediction, ValidationExample } from './exports';

/** Receives a run's events in batches (see worker/batch.ts), tagged with the run they belong to. */
export type EventSink = (runId: number, events: RunEvent[]) => void;

export type CompareSink = (runId: number, progress: CompareProgress, partial: StrategyComparison[]) => void;

/**
 * The typed boundary between the page and the search worker. Only plain objects cross it; the
 * page imports these types and the client factory, nothing else of the worker's, so it never loads tfjs.
 */
export interface SearchWorkerApi {
  /** Resolves once the worker holds its life lock (see worker/alive.ts): from then on the page can tell when it dies. */
  alive(): Promise<void>;
  /** Probes the backends and starts the chosen one. */
  /** Starts a backend; for "automatic" with an experiment, the one that trains its network fastest here (timed once per device and network). */
  prepare(preference: BackendPreference, experiment?: Experiment): Promise<BackendReport>;
  /**
   * Runs a whole search, streaming events; resolves when it ends. `resume`: continue the run of
   * this experiment that a reload or crash interrupted (kept in IndexedDB); `step`: pause after
   * every phase of every trial (a `step` event says which) until `resume` (Next).
   */
  start(runId: number, experiment: Experiment, sink: EventSink, options?: { resume?: boolean; step?: boolean }): Promise<void>;
  /** Runs every strategy on every seed (no per-trial events); resolves with the summary. */
  compare(runId: number, experiment: Experiment, strategies: StrategyId[], seeds: number[], sink: CompareSink): Promise<StrategyComparison[]>;
  /** The interrupted run of this experiment, if one was kept. */
  interruptedRun(experiment: Experiment): Promise<SavedRunCheck>;
  forgetRun(experiment: Experiment): Promise<void>;
  pause(runId: number): void;
  resume(runId: number): void;
  stop(runId: number): void;
  /**
   * One more file for the data of run `runId` while it runs (or is paused): checked against the first
   * file (a refusal says what differs and adds nothing), then used from the next trial on and saved with the run.
   */
  appendData(runId: number, experiment: Experiment, name: string, bytes: Uint8Array): Promise<AppendReport>;
  /** A CSV table or a zip of class folders of images, checked and kept here (it never leaves the device); the page learns what it holds. */
  setUserFile(name: string, bytes: Uint8Array, label?: string): Promise<UserFileSummary>;
  /** Where the progress of image-set downloads goes (a comlink proxy), for a progress bar. */
  watchDownloads(sink: (progress: DownloadProgress) => void): void;
  memory(): MemoryInfo;
  /** Times a few training steps of a network typical of the experiment on this device, for the page's time estimate; null for a table lookup. */
  estimate(experiment: Experiment): Promise<StepTiming | null>;
  /** "Measure this device": the benchmark network's training step on every backend this browser offers; `onBackend` names each as it starts. */
  measureDevice(onBackend?: (name: string) => void): Promise<DeviceRow[]>;
  /** Trials of the last run whose trained weights the worker holds: the best, and the last few. */
  keptModels(): KeptModel[];
  /** A kept model (`trial`, or the best when null) in a format, or the experiment as a cluster project; a folder comes zipped. */
  exportModel(experiment: Experiment, trial: number | null, format: ExportFormat): Promise<ExportedFile>;
  /** A kept model's class probabilities for one example in the playground's layout (H × W × C, flattened). */
  predict(trial: number | null, x: Float32Array): Promise<Prediction>;
  /** Validation example `index` of the experiment's data, as the model sees it. */
  validationExample(experiment: Experiment, index: number): Promise<ValidationExample>;
  /**
   * After a run ends (or of a resumed finished one): retrains its returned trial from scratch at
   * evaluation depth, reporting each epoch; `stop(runId)` cancels it. The deeper model is kept
   * (EVAL_DEPTH_TRIAL in keptModels) to export and try like the others.
   */
  retrainAtDepth(
    runId: number,
    experiment: Experiment,
    returned: TrialRecord,
    setting: EvalDepthSetting,
    sink: (runId: number, progress: EvalDepthProgress) => void,
  ): Promise<EvalDepthResult>;
}

/**
 * The data worker's side: previews of an experiment's data for the page, in a worker of their own
 * (no tfjs), so a preview that takes seconds never holds up the search worker's Start or Stop.
 */
export interface DataWorkerApi {
  alive(): Promise<void>;
  /** The same file the search worker holds (a copy): the preview reads it here. */
  setUserFile(name: string, bytes: Uint8Array, label?: string): Promise<UserFileSummary>;
  /** A few examples and the class balance of the experiment's data, for the dataset panel. */
  preview(experiment: Experiment): Promise<DataPreview>;
  /** Where the progress of image-set downloads goes (a comlink proxy), for a progress bar. */
  watchDownloads(sink: (progress: DownloadProgress) => void): void;
  /** The NAS-Bench-201 table's accuracy of each cell (encoded) on a benchmark dataset, NaN for text that is no cell: the Class view checks claims with it. */
  tableAccuracies(dataset: string, encoded: string[]): Promise<number[]>;
  /** A finished run's result link but its name (every trial deflated: tens of milliseconds for a thousand, kept off the page's thread). */
  resultLinkBody(experiment: Experiment, digest: ResultDigest | null, trials: Array<{ encoded: string; accuracy: number }>): ResultLinkBody;
}
