import type { Remote } from 'comlink';
import { compareDigest, makeDigest, type DigestComparison, type ResultDigest } from '../core/digest';
import { toErrorInfo, type ErrorInfo } from '../core/errors';
import { defaultExperiment, parseExperiment, type Experiment } from '../core/experiment';
import { encodeLink } from '../core/link';
import type { ArchGraph } from '../core/space/types';
import type { AlphaSnapshot, EngineEvent, StartInfo, SupernetInfo, TrialRecord } from '../engine/events';
import { evaluatorEntry } from '../core/evaluator/index';
import { returnsLatest, sharesWeights } from '../core/methods';
import { bestTrial } from '../engine/best';
import type { EpochReport } from '../nn/train';
import { proxy, transfer } from '../worker/client';
import type { BackendReport, SearchWorkerApi } from '../worker/protocol';
import type { DataPreview } from '../data/preview';
import type { DownloadProgress } from '../data/image-sets';
import type { SavedRunSummary } from '../worker/saved-runs';
import { fileTooLarge } from '../core/limits';
import { zipSync } from 'fflate';

const FIXED_TIME = new Date('2000-01-01T00:00:00Z');
import type { SharedFromLocation } from './url';

export type RunStatus = 'idle' | 'preparing' | 'running' | 'paused' | 'done' | 'stopped' | 'error';

export interface CurrentTrial {
  index: number;
  encoded: string;
  origin: string;
  graph: ArchGraph;
  epochs: EpochReport[];
}

/**
 * The page's state: the experiment being edited, and the run in flight. Created once in main.ts
 * and handed down; the worker is reached only through its typed API.
 */
export class SearchSession {
  experiment = $state<Experiment>(defaultExperiment());
  status = $state<RunStatus>('idle');
  backend = $state.raw<BackendReport | null>(null);
  info = $state.raw<StartInfo | null>(null);
  trials = $state.raw<TrialRecord[]>([]);
  current = $state.raw<CurrentTrial | null>(null);
  error = $state.raw<ErrorInfo | null>(null);
  /** A problem with the link the page was opened with. */
  linkProblem = $state.raw<ErrorInfo | null>(null);
  /** The result digest carried by the link the page was opened with. */
  sharedDigest = $state.raw<ResultDigest | null>(null);
  digest = $state.raw<ResultDigest | null>(null);
  /** Something the person should know about the run in progress. */
  notice = $state<string | null>(null);
  /** A published architecture shown before any trial (the cell presets). */
  preview = $state.raw<{ title: string; caption: string; graph: ArchGraph } | null>(null);

  /** Weight sharing: α (or a controller's sampling frequencies) over time, and the supernet's size and memory. */
  alphaHistory = $state.raw<AlphaSnapshot[]>([]);
  supernet = $state.raw<SupernetInfo | null>(null);
  /** Tensor memory of the worker, polled while a one-shot search runs. */
  workerMemory = $state.raw<{ numTensors: number; numBytes: number } | null>(null);
  /** The trial the finished search returned, when the engine names one. */
  private returned = $state<number | null>(null);

  alpha = $derived(this.alphaHistory.length ? this.alphaHistory[this.alphaHistory.length - 1]! : null);
  /** What the search returns: a DARTS-style search its current derived genotype (the last trial), others their top scorer. */
  best = $derived.by(() => {
    if (this.returned !== null) return this.trials[this.returned] ?? null;
    if (returnsLatest(this.experiment.strategy)) return this.trials[this.trials.length - 1] ?? null;
    return bestTrial(this.trials);
  });
  link = $derived(encodeLink(this.experiment, this.digest));
  running = $derived(this.status === 'preparing' || this.status === 'running' || this.status === 'paused');
  reproduction = $derived.by((): DigestComparison | null => {
    if (!this.sharedDigest || !this.info || this.status !== 'done') return null;
    return compareDigest(this.sharedDigest, this.trials, this.info.backend);
  });

  private runId = 0;

  /** The latest progress of an image-set download (or cache read) in the worker. */
  download = $state.raw<DownloadProgress | null>(null);

  constructor(private readonly worker: Remote<SearchWorkerApi>) {
    void Promise.resolve(this.worker.watchDownloads(proxy((p: DownloadProgress) => (this.download = p)))).catch(() => undefined);
  }

  restore(from: SharedFromLocation): void {
    if (from.kind === 'link') {
      this.experiment = from.shared.experiment;
      this.sharedDigest = from.shared.digest;
    } else if (from.kind === 'broken') {
      this.linkProblem = from.error;
    }
  }

  /** Applies a change to the experiment, validated; an invalid change is reported and not applied. */
  update(change: (draft: Experiment) => void): void {
    const draft = $state.snapshot(this.experiment) as Experiment;
    change(draft);
    try {
      this.experiment = parseExperiment(draft);
      this.error = null;
      // Results belong to the settings that made them.
      if (this.status === 'done' || this.status === 'stopped') this.digest = null;
    } catch (e) {
      this.error = toErrorInfo(e);
    }
  }

  /** Columns of the user's own file, once loaded: the label can be any of them. */
  userColumns = $state.raw<string[]>([]);

  /** What the worker found in the user's file, for the dataset menu and the hint under it. */
  userSummary = $state<string | null>(null);

  /** Hands a CSV or a zip of class folders the user chose to the worker, which checks it; on success the experiment uses it. */
  async loadUserFile(file: File): Promise<void> {
    try {
      const tooLarge = fileTooLarge(`"${file.name}"`, file.size);
      if (tooLarge) throw tooLarge;
      await this.useUserBytes(file.name, new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      this.error = toErrorInfo(e);
    }
  }

  /**
   * A folder of class folders (from a directory picker): zipped here with fixed timestamps, so the
   * same folder always gives the same bytes and the same content hash in the link.
   */
  async loadUserFolder(files: FileList | File[]): Promise<void> {
    try {
      const list = [...files].filter((f) => !f.name.startsWith('.'));
      const total = list.reduce((a, f) => a + f.size, 0);
      const root = (list[0] as File & { webkitRelativePath?: string } | undefined)?.webkitRelativePath?.split('/')[0] || 'folder';
      const tooLarge = fileTooLarge(`The folder "${root}"`, total);
      if (tooLarge) throw tooLarge;
      const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
      for (const f of list) {
        const path = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
        entries[path] = [new Uint8Array(await f.arrayBuffer()), { mtime: FIXED_TIME }];
      }
      const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));
      await this.useUserBytes(`${root}.zip`, zipSync(sorted, { level: 0 }));
    } catch (e) {
      this.error = toErrorInfo(e);
    }
  }

  private async useUserBytes(name: string, bytes: Uint8Array): Promise<void> {
    const result = await this.worker.setUserFile(name, transfer(bytes, [bytes.buffer as ArrayBuffer]));
    this.userColumns = result.columns;
    this.userSummary = result.summary;
    this.update((d) => {
      d.dataset = 'own';
      d.data.file = { name: name.slice(0, 200), hash: result.hash, ...(result.kind === 'table' ? { label: result.labelColumn } : {}) };
    });
  }

  /** Examples and class balance of the current experiment's data (read in the worker). */
  previewData(): Promise<DataPreview> {
    return this.worker.preview($state.snapshot(this.experiment) as Experiment);
  }

  async probeBackend(): Promise<void> {
    try {
      this.backend = await this.worker.prepare(this.experiment.backend);
    } catch (e) {
      this.error = toErrorInfo(e);
    }
  }

  /** A run of the current experiment that a reload or a crash interrupted, kept by the worker. */
  interrupted = $state.raw<SavedRunSummary | null>(null);

  async checkInterrupted(): Promise<void> {
    if (this.running) return;
    try {
      this.interrupted = await this.worker.interruptedRun($state.snapshot(this.experiment) as Experiment);
    } catch {
      this.interrupted = null;
    }
  }

  async discardInterrupted(): Promise<void> {
    await this.worker.forgetRun($state.snapshot(this.experiment) as Experiment);
    this.interrupted = null;
  }

  async start(resume = false): Promise<void> {
    this.interrupted = null;
    const runId = ++this.runId;
    this.status = 'preparing';
    this.trials = [];
    this.current = null;
    this.error = null;
    this.notice = null;
    this.digest = null;
    this.info = null;
    this.alphaHistory = [];
    this.supernet = null;
    this.workerMemory = null;
    this.returned = null;
    const experiment = $state.snapshot(this.experiment) as Experiment;
    try {
      if (!evaluatorEntry(experiment.evaluator).table) this.backend = await this.worker.prepare(experiment.backend);
      if (runId !== this.runId) return;
      if (sharesWeights(experiment)) void this.pollMemory(runId);
      await this.worker.start(runId, experiment, proxy((id: number, events: EngineEvent[]) => this.onEvents(id, events)), { resume });
    } catch (e) {
      if (runId === this.runId) {
        this.error = toErrorInfo(e);
        this.status = 'error';
      }
    }
  }

  /** The worker's tensor memory once a second while this run lasts (the supernet panel shows it). */
  private async pollMemory(runId: number): Promise<void> {
    while (runId === this.runId && (this.status === 'preparing' || this.running)) {
      try {
        this.workerMemory = await this.worker.memory();
      } catch {
        return;
      }
      await new Promise((wake) => setTimeout(wake, 1000));
    }
  }

  pause(): void {
    if (this.status !== 'running') return;
    void this.worker.pause(this.runId);
    this.status = 'paused';
  }

  resume(): void {
    if (this.status !== 'paused') return;
    void this.worker.resume(this.runId);
    this.status = 'running';
  }

  stop(): void {
    if (!this.running) return;
    void this.worker.stop(this.runId);
  }

  /** Applies a batch of events, then sets each piece of state once, so a batch is one render. */
  private onEvents(runId: number, events: EngineEvent[]): void {
    if (runId !== this.runId) return; // stale work from an earlier run
    let trials = this.trials;
    let current = this.current;
    let status = this.status;
    let alphaHistory = this.alphaHistory;
    for (const event of events) {
      switch (event.type) {
        case 'start':
          this.info = event.info;
          if (status === 'preparing') status = 'running';
          break;
        case 'trial-start':
          current = { index: event.index, encoded: event.encoded, origin: event.origin, graph: event.graph, epochs: [] };
          break;
        case 'epoch':
          if (current?.index === event.index) current = { ...current, epochs: [...current.epochs, event.report] };
          break;
        case 'trial':
          // By position: a search resumed from a checkpoint (a lost GPU) sends again the trials after it.
          trials = [...trials.slice(0, event.trial.index), event.trial];
          break;
        case 'done':
          status = event.stopped ? 'stopped' : 'done';
          this.digest = event.digest;
          if (event.best !== undefined) this.returned = event.best;
          break;
        case 'alphas':
          alphaHistory = [...alphaHistory, event.snapshot];
          break;
        case 'supernet':
          this.supernet = event.info;
          break;
        case 'error':
          this.error = event.error;
          status = 'error';
          break;
        case 'log':
          // The worker changed course (a GPU failed and the search moved to WASM): say so.
          this.notice = event.message;
          void this.worker.currentBackend().then((report) => {
            if (report) this.backend = report;
          });
          break;
      }
    }
    if (trials !== this.trials) {
      this.trials = trials;
      if (status === 'running' || status === 'paused') this.digest = makeDigest(trials, this.info?.backend ?? 'unknown');
    }
    if (current !== this.current) this.current = current;
    if (alphaHistory !== this.alphaHistory) this.alphaHistory = alphaHistory;
    // A pause asked for while this batch was in flight stands.
    if (!(this.status === 'paused' && status === 'running')) this.status = status;
  }
}
