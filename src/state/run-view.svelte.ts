import type { AppendReport } from '../contracts/append';
import type { BackendReport } from '../contracts/backend';
import type { AlphaSnapshot, StartInfo, SupernetInfo, TrialRecord } from '../contracts/events';
import type { StepInfo } from '../contracts/step';
import type { ResultDigest } from '../core/digest';
import type { ErrorInfo } from '../core/errors';
import type { CurrentTrial, RunState, RunStatus } from './run-reducer';

/**
 * The run on the page, as runes: what the pure reducer (run-reducer.ts) makes of the worker's
 * events, held field by field so that a piece the reducer left unchanged does not re-render.
 */
export class RunView {
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
  protected returned = $state<number | null>(null);
  protected runId = 0;

  alpha = $derived(this.alphaHistory.length ? this.alphaHistory[this.alphaHistory.length - 1]! : null);
  running = $derived(this.status === 'preparing' || this.status === 'running' || this.status === 'paused');

  /** The run as a plain value, for the reducer. */
  protected get run(): RunState {
    const { runId, status, backend, info, trials, current, digest, returned, alphaHistory, supernet, error, notice, step, stepWaiting, appended } = this;
    return { runId, status, backend, info, trials, current, digest, returned, alphaHistory, supernet, error, notice, step, stepWaiting, appended };
  }

  /** Takes the reducer's result; a piece it left unchanged is the same value, which Svelte does not re-render. */
  protected set run(next: RunState) {
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
