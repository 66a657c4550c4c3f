import type { Remote } from 'comlink';
import type { EvalDepthProgress, EvalDepthResult } from '../contracts/eval-depth';
import type { TrialRecord } from '../contracts/events';
import type { SearchWorkerApi } from '../contracts/worker-api';
import type { EvalDepthSetting } from '../core/eval-depth';
import { toErrorInfo, type ErrorInfo } from '../core/errors';
import type { Experiment } from '../core/experiment';
import { proxy } from '../worker/client';

/**
 * "Retrain at evaluation depth" after a run: the worker retrains the returned trial deeper, the
 * page follows its epochs and keeps the figures for the run they belong to (`forRun`: the share
 * link and the trial), so a later run never shows an earlier run's numbers.
 */
export class DepthRetrain {
  status = $state<'idle' | 'running' | 'done' | 'error'>('idle');
  progress = $state.raw<EvalDepthProgress | null>(null);
  result = $state.raw<EvalDepthResult | null>(null);
  error = $state.raw<ErrorInfo | null>(null);
  forRun = $state<string | null>(null);
  /** Negative, so they never meet the session's run ids in the worker's one active run. */
  private runId = 0;

  constructor(
    private readonly worker: Remote<SearchWorkerApi>,
    private readonly onKept: () => Promise<void>,
  ) {}

  static key(link: string, trial: number): string {
    return `${trial} ${link}`;
  }

  /** The figures, when they belong to this run's returned trial. */
  resultFor(key: string): EvalDepthResult | null {
    return this.forRun === key ? this.result : null;
  }

  async start(experiment: Experiment, returned: TrialRecord, setting: EvalDepthSetting, key: string): Promise<void> {
    const runId = --this.runId;
    [this.status, this.progress, this.result, this.error, this.forRun] = ['running', null, null, null, key];
    try {
      const result = await this.worker.retrainAtDepth(
        runId,
        experiment,
        returned,
        setting,
        proxy((id: number, progress: EvalDepthProgress) => {
          if (id === this.runId) this.progress = progress;
        }),
      );
      if (runId !== this.runId) return;
      [this.result, this.status] = [result, 'done'];
      await this.onKept().catch(() => undefined);
    } catch (e) {
      if (runId !== this.runId) return;
      const info = toErrorInfo(e);
      // A stop is not a failure: the panel goes back to its settings.
      [this.error, this.status] = info.code === 'cancelled' ? [null, 'idle'] : [info, 'error'];
    }
  }

  stop(): void {
    if (this.status === 'running') void this.worker.stop(this.runId);
  }
}
