import { appendLine, type AppendReport } from '../contracts/append';
import type { BackendReport } from '../contracts/backend';
import type { StepInfo } from '../contracts/step';
import type { AlphaSnapshot, EpochReport, RunEvent, StartInfo, SupernetInfo, TrialRecord } from '../contracts/events';
import { makeDigest, type ResultDigest } from '../core/digest';
import type { ErrorInfo } from '../core/errors';
import type { ArchGraph } from '../core/space/types';

export type RunStatus = 'idle' | 'preparing' | 'running' | 'paused' | 'done' | 'stopped' | 'error';

export interface CurrentTrial {
  index: number;
  encoded: string;
  origin: string;
  graph: ArchGraph;
  epochs: EpochReport[];
}

/** Everything the page knows about the run in flight (or the last one), as a plain value. */
export interface RunState {
  /** Events tagged with another run's id are stale work and change nothing. */
  runId: number;
  status: RunStatus;
  backend: BackendReport | null;
  info: StartInfo | null;
  trials: TrialRecord[];
  current: CurrentTrial | null;
  digest: ResultDigest | null;
  /** The trial the finished search returned, when the engine names one. */
  returned: number | null;
  /** Weight sharing: α (or a controller's sampling frequencies) over time, and the supernet's size and memory. */
  alphaHistory: AlphaSnapshot[];
  supernet: SupernetInfo | null;
  error: ErrorInfo | null;
  /** Something the person should know about the run in progress. */
  notice: string | null;
  /** Step mode: the phase the search last announced, and whether it waits there for Next. */
  step: StepInfo | null;
  stepWaiting: boolean;
  /** Files appended to the data while it ran, in order (their lines, and the note beside the digest). */
  appended: AppendReport[];
}

export const idleRun = (): RunState => ({
  runId: 0,
  status: 'idle',
  backend: null,
  info: null,
  trials: [],
  current: null,
  digest: null,
  returned: null,
  alphaHistory: [],
  supernet: null,
  error: null,
  notice: null,
  step: null,
  stepWaiting: false,
  appended: [],
});

/** A new run: a new id (so the last run's late events are dropped), nothing of its results; the backend stays until the worker reports one. */
export function beginRun(state: RunState): RunState {
  return { ...idleRun(), runId: state.runId + 1, status: 'preparing', backend: state.backend };
}

/**
 * The settings changed after a run: its results belong to the settings that made them, so they go
 * (a later event of it is stale too); the backend stays.
 */
export function clearRun(state: RunState): RunState {
  return { ...idleRun(), runId: state.runId + 1, backend: state.backend };
}

/** The run could not start (or the worker threw): the error ends it, if it is still the current run. */
export function failRun(state: RunState, runId: number, error: ErrorInfo): RunState {
  return runId === state.runId ? { ...state, error, status: 'error' } : state;
}

/**
 * Applies a batch of the worker's events to the run they belong to. Returns the same object when
 * nothing changes, and each piece of state at most once per batch, so a batch is one render.
 * The status a batch starts from is the page's: a pause asked for while the batch was in flight stands.
 */
export function applyEvents(state: RunState, runId: number, events: readonly RunEvent[]): RunState {
  if (runId !== state.runId || events.length === 0) return state;
  const next = { ...state };
  // The trials array this batch made (copied once, then grown in place): copying it per trial made
  // a batch of a thousand table lookups quadratic.
  let ownTrials: TrialRecord[] | null = null;
  for (const event of events) {
    switch (event.type) {
      case 'start':
        next.info = event.info;
        if (next.status === 'preparing') next.status = 'running';
        break;
      case 'trial-start':
        next.current = { index: event.index, encoded: event.encoded, origin: event.origin, graph: event.graph, epochs: [] };
        break;
      case 'epoch':
        if (next.current?.index === event.index) next.current = { ...next.current, epochs: [...next.current.epochs, event.report] };
        break;
      case 'trial':
        // By position: a search resumed from a checkpoint (a lost GPU) sends again the trials after it.
        ownTrials ??= next.trials.slice();
        if (event.trial.index < ownTrials.length) ownTrials.length = event.trial.index;
        ownTrials.push(event.trial);
        next.trials = ownTrials;
        break;
      case 'done':
        next.stepWaiting = false;
        next.status = event.stopped ? 'stopped' : 'done';
        next.digest = event.digest;
        if (event.best !== undefined) next.returned = event.best;
        // The returned trial's test accuracy, measured only now: it joins that trial's record.
        if (event.test !== undefined && event.best != null && next.trials[event.best])
          next.trials = ownTrials = next.trials.map((t, i) => (i === event.best ? { ...t, testAccuracy: event.test } : t));
        break;
      case 'alphas':
        next.alphaHistory = [...next.alphaHistory, event.snapshot];
        break;
      case 'supernet':
        next.supernet = event.info;
        break;
      case 'error':
        next.stepWaiting = false;
        next.error = event.error;
        next.status = 'error';
        break;
      case 'backend':
        // The worker changed course (a GPU failed and the search moved to WASM): say so, and where it runs now.
        next.backend = event.report;
        next.notice = event.reason;
        break;
      case 'log':
        next.notice = event.message;
        break;
      case 'data':
        if (next.info) next.info = { ...next.info, dataset: event.dataset };
        next.appended = event.appended;
        if (event.appended.length) next.notice = appendLine(event.appended.at(-1)!);
        break;
      case 'step':
        next.step = event.step;
        next.stepWaiting = true;
        break;
    }
  }
  // While it runs, the digest follows the trials, so a share link made mid-run carries them.
  if (next.trials !== state.trials && (next.status === 'running' || next.status === 'paused'))
    next.digest = makeDigest(next.trials, next.info?.backend ?? 'unknown', next.info?.returnsLatest ? next.trials.length - 1 : undefined);
  return next;
}
