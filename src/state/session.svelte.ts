import type { Remote } from 'comlink';
import { untrack } from 'svelte';
import type { AppendReport } from '../contracts/append';
import type { MemoryInfo } from '../contracts/backend';
import type { DataPreview, DownloadProgress } from '../contracts/data';
import type { RunEvent, TrialRecord } from '../contracts/events';
import type { DataWorkerApi, SearchWorkerApi } from '../contracts/worker-api';
import type { ResultLinkBody } from '../core/classroom/result-link';
import { compareDigest, type DigestComparison, type ResultDigest } from '../core/digest';
import { toErrorInfo, type ErrorInfo } from '../core/errors';
import { defaultExperiment, experimentSpace, parseExperiment, type Experiment } from '../core/experiment';
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
import { applyEvents, beginRun, clearRun, failRun } from './run-reducer';
import { RunView } from './run-view.svelte';
import type { SharedFromLocation } from './url';
import { UserData, type UserFileRef } from './user-data.svelte';
import { ModelResults } from './model-results.svelte';
import { DepthRetrain } from './eval-depth.svelte';
import { importedRunEvents } from './imported-run';

/**
 * The page's state: the experiment being edited, and the run in flight. Created once in main.ts
 * and handed down; the worker is reached only through its typed API. The run's state (what the
 * pure reducer makes of its events) is RunView's, which this class extends; here the experiment is
 * edited, the workers are wired and recovered, and runs are started, paused and stopped.
 */
export class SearchSession extends RunView {
  experiment = $state<Experiment>(defaultExperiment());
  /** A problem with the link the page was opened with. */
  linkProblem = $state.raw<ErrorInfo | null>(null);
  /** The result digest carried by the link the page was opened with. */
  sharedDigest = $state.raw<ResultDigest | null>(null);
  /** A published architecture shown before any trial (the cell presets). */
  preview = $state.raw<{ title: string; caption: string; graph: ArchGraph } | null>(null);

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
  /** A run of these settings that a reload or a crash interrupted, kept by the worker (`saved.summary`), and what checking for one found (`saved.notice`). */
  readonly saved: InterruptedRun;
  /** The user's own file: load it (`files.loadFile`, `files.loadFolder`); its `columns` and `summary` for the dataset controls. */
  readonly files: UserData;

  best = $derived(returnedTrial(this.trials, this.returned, this.experiment.strategy));
  link = $derived(encodeLink(this.experiment, this.digest));
  /** Only its changes re-probe the backends (a new experiment object with the same preference does not). */
  backendPreference = $derived(this.experiment.backend);
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
    super();
    this.saved = new InterruptedRun(worker);
    this.results = new ModelResults(worker);
    this.depth = new DepthRetrain(worker, () => this.results.refresh());
    const useFile = (file: UserFileRef) =>
      this.update((d) => {
        d.dataset = 'own';
        d.data.file = file;
      });
    this.files = new UserData([worker, data], useFile, (error) => (this.fileError = error));
    this.estimates = new Estimates(worker);
    this.device = new DeviceMeasure(worker, globalThis.location?.href ?? 'http://localhost/');
    this.watchDownloads(worker);
    this.watchDownloads(data);
    // The run in flight fails with a 'worker-lost' error (its trials stay on screen); the fresh
    // worker gets what the dead one held, and the run it kept is offered to resume.
    hooks.onSearchLost?.(() => {
      this.watchDownloads(worker);
      void this.files.resend(0);
      this.backend = null;
      void this.probeBackend().then(() => this.checkInterrupted());
    });
    hooks.onDataLost?.(() => {
      this.watchDownloads(data);
      void this.files.resend(1);
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

  /** One more file for the running search's data: the worker checks it against the first and refuses it with what differs. */
  async appendData(file: File): Promise<AppendReport> {
    const { name, bytes } = await readUserFile(file);
    return this.worker.appendData(this.runId, $state.snapshot(this.experiment) as Experiment, name, transfer(bytes, [bytes.buffer as ArrayBuffer]));
  }

  /** The result link of a finished run but its name, encoded in the data worker (deflating a thousand trials held the page). */
  resultLinkBody(digest: ResultDigest | null, trials: Array<{ encoded: string; accuracy: number }>): Promise<ResultLinkBody> {
    return this.data.resultLinkBody($state.snapshot(this.experiment) as Experiment, digest, trials);
  }

  /** Examples and class balance of the current experiment's data (read in the worker). */
  previewData(): Promise<DataPreview> {
    return this.data.preview($state.snapshot(this.experiment) as Experiment);
  }

  async probeBackend(): Promise<void> {
    try {
      // The experiment as it is now is raced; its later changes are raced by the estimate, and at Start.
      const experiment = untrack(() => $state.snapshot(this.experiment) as Experiment);
      this.backend = await this.worker.prepare(this.experiment.backend, evaluatorEntry(experiment.evaluator).table ? undefined : experiment);
    } catch (e) {
      this.error = toErrorInfo(e);
    }
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
        // Returns nothing: comlink sends a callback's result back to the worker, and the run state
        // (a thousand trials at the end of a table search) would be cloned on every batch.
        proxy((id: number, events: RunEvent[]): void => {
          this.run = applyEvents(this.run, id, events);
        }),
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
}
