import type { Remote } from 'comlink';
import { untrack } from 'svelte';
import type { AppendReport } from '../contracts/append';
import type { BackendReport, MemoryInfo } from '../contracts/backend';
import type { DataPreview, DownloadProgress } from '../contracts/data';
import type { AlphaSnapshot, RunEvent, StartInfo, SupernetInfo, TrialRecord } from '../contracts/events';
import type { SavedRunSummary } from '../contracts/runs';
import type { StepInfo } from '../contracts/step';
import type { DataWorkerApi, SearchWorkerApi } from '../contracts/worker-api';
import { compareDigest, type DigestComparison, type ResultDigest } from '../core/digest';
import { toErrorInfo, type ErrorInfo } from '../core/errors';
import { defaultExperiment, parseExperiment, type Experiment } from '../core/experiment';
import { problemsOfDraft } from '../core/rules';
import { encodeLink } from '../core/link';
import { unrepeatable } from '../core/repeatable';
import { evaluatorEntry } from '../core/evaluator/index';
import { sharesWeights } from '../core/methods';
import type { ArchGraph } from '../core/space/types';
import { proxy, transfer } from '../worker/client';
import { readUserFile } from './user-files';
import { InterruptedRun } from './interrupted-run.svelte';
import { pollEverySecond } from './poll';
import { returnedTrial } from './returned-trial';
import { Estimates } from './estimate.svelte';
import { DeviceMeasure } from './device.svelte';
import { EditFeedback, type SettingChange } from './feedback.svelte';
import { applyEvents, beginRun, clearRun, failRun, type CurrentTrial, type RunState, type RunStatus } from './run-reducer';
import type { SharedFromLocation } from './url';
import { UserData, type UserFileRef } from './user-data.svelte';
import { ModelResults } from './model-results.svelte';
import { DepthRetrain } from './eval-depth.svelte';
import { importedRunEvents } from './imported-run';
import { experimentSpace } from '../core/experiment';

/**
 * The page's state: the experiment being edited, and the run in flight. Created once in main.ts
 * and handed down; the worker is reached only through its typed API. What a run's events do is
 * the pure reducer's (run-reducer.ts); this class holds its result as runes and wires the worker.
 */
export class SearchSession {
  experiment = $state<Experiment>(defaultExperiment());
  /** A problem with the link the page was opened with. */
  linkProblem = $state.raw<ErrorInfo | null>(null);
  /** The result digest carried by the link the page was opened with. */
  sharedDigest = $state.raw<ResultDigest | null>(null);
  /** A published architecture shown before any trial (the cell presets). */
  preview = $state.raw<{ title: string; caption: string; graph: ArchGraph } | null>(null);

  status = $state<RunStatus>('idle');
  backend = $state.raw<BackendReport | null>(null);
  info = $state.raw<StartInfo | null>(null);
  trials = $state.raw<TrialRecord[]>([]);
  current = $state.raw<CurrentTrial | null>(null);
  error = $state.raw<ErrorInfo | null>(null);
  digest = $state.raw<ResultDigest | null>(null);
  /** Something the person should know about the run in progress. */
  notice = $state<string | null>(null);
  /** Weight sharing: α (or a controller's sampling frequencies) over time, and the supernet's size and memory. */
  alphaHistory = $state.raw<AlphaSnapshot[]>([]);
  supernet = $state.raw<SupernetInfo | null>(null);
  /** Step mode (chosen before Start): the phase the search announced last, and whether it waits for Next. */
  stepMode = $state(false);
  step = $state.raw<StepInfo | null>(null);
  stepWaiting = $state(false);
  /** Files appended to the data while the run ran (see contracts/append.ts). */
  appended = $state.raw<AppendReport[]>([]);
  /** Tensor memory of the worker, polled while a weight-sharing search runs. */
  workerMemory = $state.raw<MemoryInfo | null>(null);
  /** The latest progress of an image-set download (or cache read) in the worker. */
  download = $state.raw<DownloadProgress | null>(null);
  /** Why the user's file could not be used, shown beside the dataset control. */
  fileError = $state.raw<ErrorInfo | null>(null);
  /** The trial a person picked (a dot or a row): its graph and learning curve are shown. */
  selected = $state<number | null>(null);
  /** Why the last change was refused, or what else it changed, for the control it was made in. */
  readonly feedback = new EditFeedback();
  readonly estimates: Estimates;
  readonly device: DeviceMeasure;

  /** Trained models to download and try, and results of runs elsewhere coming in. */
  readonly results: ModelResults;
  /** The returned trial retrained at evaluation depth (more cells, more epochs), after a run. */
  readonly depth: DepthRetrain;
  private returned = $state<number | null>(null);
  private runId = 0;
  private readonly saved: InterruptedRun;
  private readonly userData: UserData;

  alpha = $derived(this.alphaHistory.length ? this.alphaHistory[this.alphaHistory.length - 1]! : null);
  best = $derived(returnedTrial(this.trials, this.returned, this.experiment.strategy));
  link = $derived(encodeLink(this.experiment, this.digest));
  running = $derived(this.status === 'preparing' || this.status === 'running' || this.status === 'paused');
  reproduction = $derived.by((): DigestComparison | null => {
    if (!this.sharedDigest || !this.info || this.status !== 'done') return null;
    return compareDigest(this.sharedDigest, this.trials, this.info.backend, unrepeatable(this.experiment));
  });

  /**
   * `workers`: the search worker, the data worker (previews), and how to hear that either died
   * and a fresh one replaced it (see worker/client.ts).
   */
  constructor(
    private readonly worker: Remote<SearchWorkerApi>,
    private readonly data: Remote<DataWorkerApi>,
    hooks: { onSearchLost?: (listener: () => void) => void; onDataLost?: (listener: () => void) => void } = {},
  ) {
    this.saved = new InterruptedRun(worker);
    this.results = new ModelResults(worker);
    this.depth = new DepthRetrain(worker, () => this.results.refresh());
    const useFile = (file: UserFileRef) =>
      this.update((d) => {
        d.dataset = 'own';
        d.data.file = file;
      });
    this.userData = new UserData([worker, data], useFile, (error) => (this.fileError = error));
    this.estimates = new Estimates(worker);
    this.device = new DeviceMeasure(worker, globalThis.location?.href ?? 'http://localhost/');
    this.watchDownloads(worker);
    this.watchDownloads(data);
    // The run in flight fails with a 'worker-lost' error (its trials stay on screen); the fresh
    // worker gets what the dead one held, and the run it kept is offered to resume.
    hooks.onSearchLost?.(() => {
      this.watchDownloads(worker);
      void this.userData.resend(0);
      this.backend = null;
      void this.probeBackend().then(() => this.checkInterrupted());
    });
    hooks.onDataLost?.(() => {
      this.watchDownloads(data);
      void this.userData.resend(1);
    });
  }

  private watchDownloads(worker: { watchDownloads(sink: (p: DownloadProgress) => void): unknown }): void {
    void Promise.resolve(worker.watchDownloads(proxy((p: DownloadProgress) => (this.download = p)))).catch(() => undefined);
  }

  restore(from: SharedFromLocation): void {
    if (from.kind === 'link') {
      this.experiment = from.shared.experiment;
      this.sharedDigest = from.shared.digest;
    } else if (from.kind === 'broken') {
      this.linkProblem = from.error;
    }
  }

  /**
   * Applies a change to the experiment, validated: a change that would not run is refused, with
   * the reason beside its control; `note` says what else the change moved. True when applied.
   */
  update(change: (draft: Experiment) => void, note: SettingChange | null = null): boolean {
    const draft = $state.snapshot(this.experiment) as Experiment;
    change(draft);
    const [problem] = problemsOfDraft(draft);
    if (problem) {
      this.feedback.refuse(problem);
      return false;
    }
    this.experiment = parseExperiment(draft);
    this.feedback.accept(note);
    this.fileError = null;
    // Results belong to the settings that made them: a finished run's go with its graphs and trials.
    if (!this.running && this.status !== 'idle') this.run = clearRun(this.run);
    else this.error = null;
    this.selected = null;
    return true;
  }

  /** Hands a CSV or a zip of class folders the user chose to the worker, which checks it; on success the experiment uses it. */
  loadUserFile(file: File): Promise<void> {
    return this.userData.loadFile(file);
  }

  loadUserFolder(files: FileList | File[]): Promise<void> {
    return this.userData.loadFolder(files);
  }

  /** Columns of the user's own file, once loaded: the label can be any of them. */
  get userColumns(): string[] {
    return this.userData.columns;
  }

  /** What the worker found in the user's file, for the dataset menu and the hint under it. */
  get userSummary(): string | null {
    return this.userData.summary;
  }

  /** Examples and class balance of the current experiment's data (read in the worker). */
  /** One more file for the running search's data: the worker checks it against the first and refuses it with what differs. */
  async appendData(file: File): Promise<AppendReport> {
    const { name, bytes } = await readUserFile(file);
    return this.worker.appendData(this.runId, $state.snapshot(this.experiment) as Experiment, name, transfer(bytes, [bytes.buffer as ArrayBuffer]));
  }

  previewData(): Promise<DataPreview> {
    return this.data.preview($state.snapshot(this.experiment) as Experiment);
  }

  async probeBackend(): Promise<void> {
    try {
      // Only the preference is a dependency: the experiment is raced as it is now (its later changes are raced by the estimate, and at Start).
      const experiment = untrack(() => $state.snapshot(this.experiment) as Experiment);
      this.backend = await this.worker.prepare(this.experiment.backend, evaluatorEntry(experiment.evaluator).table ? undefined : experiment);
    } catch (e) {
      this.error = toErrorInfo(e);
    }
  }

  /** A run of the current experiment that a reload or a crash interrupted, kept by the worker. */
  get interrupted(): SavedRunSummary | null {
    return this.saved.summary;
  }

  /** What checking for a kept run found besides one: a record removed, storage that is off. */
  get storageNotice(): string | null {
    return this.saved.notice;
  }

  async checkInterrupted(): Promise<void> {
    if (!this.running) await this.saved.check($state.snapshot(this.experiment) as Experiment);
  }

  discardInterrupted(): Promise<void> {
    return this.saved.discard($state.snapshot(this.experiment) as Experiment);
  }

  /** Runs the experiment as it is now; `resume` continues the interrupted run of it that the worker kept. */
  async start(resume = false): Promise<void> {
    this.saved.clear();
    // The worker starts the new run with no model kept; the panel follows when it ends.
    this.results.kept = [];
    this.estimates.hold();
    this.selected = null;
    this.run = beginRun(this.run);
    this.workerMemory = null;
    const runId = this.runId;
    const experiment = $state.snapshot(this.experiment) as Experiment;
    try {
      if (!evaluatorEntry(experiment.evaluator).table) this.backend = await this.worker.prepare(experiment.backend, experiment);
      if (runId !== this.runId) return;
      // The supernet panel shows the worker's tensor memory while a weight-sharing run lasts.
      if (sharesWeights(experiment)) {
        void pollEverySecond(
          () => this.worker.memory(),
          () => runId === this.runId && this.running,
          (memory) => (this.workerMemory = memory),
        );
      }
      await this.worker.start(
        runId,
        experiment,
        proxy((id: number, events: RunEvent[]) => (this.run = applyEvents(this.run, id, events))),
        { resume, step: this.stepMode },
      );
    } catch (e) {
      this.run = failRun(this.run, runId, toErrorInfo(e));
    }
    if (runId === this.runId) await this.results.refresh().catch(() => undefined);
  }

  /** Trials that ran elsewhere (an exported Ray Tune or NNI project), shown as a finished run of this experiment. */
  showImported(trials: TrialRecord[], origin: string): void {
    this.run = beginRun(this.run);
    this.run = applyEvents(this.run, this.runId, importedRunEvents(trials, origin, experimentSpace(this.experiment)));
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

  /** Step mode: on from the phase the search waits at to the next one. */
  next(): void {
    if (!this.stepWaiting || !this.running) return;
    this.stepWaiting = false;
    // Next also ends a pause asked for while the search waited: either way it goes on.
    if (this.status === 'paused') this.status = 'running';
    void this.worker.resume(this.runId);
  }

  stop(): void {
    if (this.running) void this.worker.stop(this.runId);
  }

  /** The run as a plain value, for the reducer. */
  private get run(): RunState {
    const { runId, status, backend, info, trials, current, digest, returned, alphaHistory, supernet, error, notice, step, stepWaiting, appended } = this;
    return { runId, status, backend, info, trials, current, digest, returned, alphaHistory, supernet, error, notice, step, stepWaiting, appended };
  }

  /** Takes the reducer's result; a piece it left unchanged is the same value, which Svelte does not re-render. */
  private set run(next: RunState) {
    ({
      runId: this.runId,
      status: this.status,
      backend: this.backend,
      info: this.info,
      trials: this.trials,
      current: this.current,
      digest: this.digest,
      returned: this.returned,
      alphaHistory: this.alphaHistory,
      supernet: this.supernet,
      error: this.error,
      notice: this.notice,
      step: this.step,
      stepWaiting: this.stepWaiting,
      appended: this.appended,
    } = next);
  }
}
