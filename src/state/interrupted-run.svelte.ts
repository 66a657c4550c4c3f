import type { Remote } from 'comlink';
import type { SavedRunSummary } from '../contracts/runs';
import type { SearchWorkerApi } from '../contracts/worker-api';
import type { Experiment } from '../core/experiment';

/** A run of the current experiment that a reload or a crash interrupted, as the worker kept it: offered to resume or discard. */
export class InterruptedRun {
  summary = $state.raw<SavedRunSummary | null>(null);
  /** What checking found besides a run: a record removed, storage that is off. */
  notice = $state<string | null>(null);

  constructor(private readonly worker: Remote<SearchWorkerApi>) {}

  async check(experiment: Experiment): Promise<void> {
    try {
      const found = await this.worker.interruptedRun(experiment);
      this.summary = found.run;
      this.notice = found.notice;
    } catch {
      this.summary = null;
    }
  }

  async discard(experiment: Experiment): Promise<void> {
    await this.worker.forgetRun(experiment);
    this.summary = null;
  }

  /** A run started: resumed or replaced, there is nothing left to offer. */
  clear(): void {
    this.summary = null;
  }
}
