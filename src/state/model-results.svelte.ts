import type { Remote } from 'comlink';
import type { ExportFormat, KeptModel, Prediction, ValidationExample } from '../contracts/exports';
import type { TrialRecord } from '../contracts/events';
import { trialsCsv, trialsJson } from '../results/trial-files';
import { importTrialLines, type ImportedTrials } from '../results/trial-lines';
import type { SearchWorkerApi } from '../contracts/worker-api';
import type { Experiment } from '../core/experiment';
import { experimentSpace } from '../core/experiment';

/** Hands bytes to the browser as a download. */
function save(name: string, bytes: BlobPart, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The way out of the page: the trained models the worker keeps (downloads in every format, the
 * "Try it" predictions), the trials as CSV and JSON, and results of a run elsewhere coming back in.
 */
export class ModelResults {
  kept = $state.raw<KeptModel[]>([]);
  /** The kept trial the panel shows; null for the best. */
  chosen = $state<number | null>(null);
  busy = $state<string | null>(null);
  problem = $state<string | null>(null);

  constructor(private readonly worker: Remote<SearchWorkerApi>) {}

  async refresh(): Promise<void> {
    this.kept = await this.worker.keptModels();
    if (this.chosen !== null && !this.kept.some((k) => k.trial === this.chosen)) this.chosen = null;
  }

  async download(experiment: Experiment, format: ExportFormat): Promise<void> {
    this.busy = format;
    this.problem = null;
    try {
      const file = await this.worker.exportModel(experiment, this.chosen, format);
      save(file.name, file.bytes as BlobPart, file.mime);
    } catch (e) {
      this.problem = e instanceof Error ? e.message : String(e);
    } finally {
      this.busy = null;
    }
  }

  downloadTrials(trials: readonly TrialRecord[], experiment: Experiment, best: number | null, kind: 'csv' | 'json'): void {
    if (kind === 'csv') save('nas-playground-trials.csv', trialsCsv(trials), 'text/csv');
    else save('nas-playground-trials.json', trialsJson(trials, experiment, best), 'application/json');
  }

  predict(x: Float32Array): Promise<Prediction> {
    return this.worker.predict(this.chosen, x);
  }

  validationExample(experiment: Experiment, index: number): Promise<ValidationExample> {
    return this.worker.validationExample(experiment, index);
  }

  /** Reads a results.jsonl of an exported Ray Tune or NNI run against the experiment open now. */
  async readResults(file: File, experiment: Experiment): Promise<ImportedTrials> {
    return importTrialLines(await file.text(), file.name, experimentSpace(experiment), experiment.objective);
  }
}
