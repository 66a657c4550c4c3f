import type { BackendReport } from '../contracts/backend';
import type { BackendPreference, Experiment } from '../core/experiment';
import { chooseBackend } from '../nn/backend-browser';

/** The backend the worker trains on: chosen for a preference and kept, replaced when a GPU fails mid-search. */
export class WorkerBackend {
  private report: BackendReport | null = null;

  async prepare(preference: BackendPreference): Promise<BackendReport> {
    this.report = await chooseBackend(preference);
    return this.report;
  }

  /** The backend for an experiment: a table lookup runs no model, so it needs none (and survives a lost GPU). */
  async forExperiment(x: Experiment): Promise<string> {
    if (x.evaluator !== 'nb201' && (!this.report || this.report.preference !== x.backend)) await this.prepare(x.backend);
    return this.report?.chosen ?? 'none';
  }

  /** WASM in place of a GPU that failed; `reason` is what the page shows beside the backend's name. */
  async fallBack(reason: string): Promise<BackendReport> {
    this.report = { ...(await chooseBackend('wasm')), fallback: true, reason };
    return this.report;
  }
}
