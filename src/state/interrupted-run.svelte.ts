import type { Remote } from 'comlink';
import type { SavedRunSummary } from '../contracts/runs';
import type { SearchWorkerApi } from '../contracts/worker-api';
import type { Experiment } from '../core/experiment';

/** A run of the current experiment that a reload or a crash interrupted, as the worker kept it: offered to resume or discard. */
export class InterruptedRun {
  summary = $state.raw<SavedRunSummary | null>(null);
  /** What checking found besides a run: a record removed, storage that is off. */
  notice = $state<string | null>(null);
  /**
   * Which question is current: a run started, or a newer check asked, since an answer was asked
   * for makes that answer stale. (A check asked just before Resume and answered just after it
   * would otherwise offer the run again while it runs, with the count it had then.)
   */
  private asked = 0;

  constructor(private readonly worker: Remote<SearchWorkerApi>) {}

  async check(experiment: Experiment): Promise<void> {
    const question = ++this.asked;
    try {
      const found = await this.worker.interruptedRun(experiment);
      if (question !== this.asked) return;
      this.summary = found.run;
      this.notice = found.notice;
    } catch {
      if (question === this.asked) this.summary = null;
    }
  }

  async discard(experiment: Experiment): Promise<void> {
    this.asked++;
    await this.worker.forgetRun(experiment);
    this.summary = null;
  }

  /** A run started: resumed or replaced, there is nothing left to offer (and no answer still on its way may offer it). */
  clear(): void {
    this.asked++;
    this.summary = null;
  }
}
