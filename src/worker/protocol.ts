/**
 * The typed boundary between the page and the search worker. Only plain objects cross it; the
 * page imports these types and nothing else of the worker's, so it never loads tfjs.
 */
import type { BackendPreference, Experiment } from '../core/experiment';
import type { CompareProgress, StrategyComparison } from '../engine/compare';
import type { EngineEvent } from '../engine/events';
import type { DataPreview } from '../data/preview';
import type { DownloadProgress } from '../data/image-sets';
import type { SavedRunSummary } from './saved-runs';
import type { StrategyId } from '../core/strategy/index';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface BackendProbe {
  name: BackendName;
  available: boolean;
  /** A software adapter or renderer (SwiftShader): it works, but slower than WASM. */
  software: boolean;
  detail: string;
}

export interface BackendReport {
  found: BackendProbe[];
  chosen: BackendName;
  preference: BackendPreference;
  reason: string;
  /** True when an explicit choice could not be honoured. */
  fallback: boolean;
}

export interface MemoryInfo {
  numTensors: number;
  numBytes: number;
}

/** Receives engine events in batches (see worker/batch.ts), tagged with the run they belong to. */
export type EventSink = (runId: number, events: EngineEvent[]) => void;

export type CompareSink = (runId: number, progress: CompareProgress, partial: StrategyComparison[]) => void;

export interface SearchWorkerApi {
  /** Runs every strategy on every seed (no per-trial events); resolves with the summary. */
  compare(runId: number, experiment: Experiment, strategies: StrategyId[], seeds: number[], sink: CompareSink): Promise<StrategyComparison[]>;
  /** Probes the backends and starts the chosen one. */
  prepare(preference: BackendPreference): Promise<BackendReport>;
  /** Runs a whole search, streaming events; resolves when it ends. */
  /** `resume`: continue the run of this experiment that a reload or crash interrupted (kept in IndexedDB). */
  start(runId: number, experiment: Experiment, sink: EventSink, options?: { resume?: boolean }): Promise<void>;
  /** The interrupted run of this experiment, if one was kept. */
  interruptedRun(experiment: Experiment): Promise<SavedRunSummary | null>;
  forgetRun(experiment: Experiment): Promise<void>;
  pause(runId: number): void;
  resume(runId: number): void;
  stop(runId: number): void;
  /** Keeps the user's own CSV in the worker (it never leaves the device) and checks it; returns its columns. */
  /** A CSV table or a zip of class folders of images, checked here; the page learns what it holds. */
  setUserFile(name: string, bytes: Uint8Array, label?: string): Promise<{ kind: 'table' | 'images'; columns: string[]; labelColumn: string; hash: string; summary: string }>;
  /** A few examples and the class balance of the experiment's data, for the dataset panel. */
  preview(experiment: Experiment): Promise<DataPreview>;
  /** Where the progress of image-set downloads goes (a comlink proxy), for a progress bar. */
  watchDownloads(sink: (progress: DownloadProgress) => void): void;
  /** The backend in use now (it changes when a GPU fails mid-search). */
  currentBackend(): BackendReport | null;
  memory(): MemoryInfo;
}
