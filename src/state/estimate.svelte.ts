import type { Remote } from 'comlink';
import type { SearchWorkerApi } from '../contracts/worker-api';
import { estimateComparison, estimateRetrain, estimateRun, type StepTiming, type TimeEstimate } from '../core/estimate';
import { evaluatorEntry } from '../core/evaluator/index';
import type { Experiment } from '../core/experiment';

/** A moment after the last change, so a person typing a number does not start a measurement per key. */
const SETTLE_MS = 600;

/** What a step's timing depends on: the data and its preparation, the space, the batch, the backend. */
function keyOf(x: Experiment): string {
  return JSON.stringify([x.dataset, x.data, x.space, x.spaceSettings, x.training.batchSize, x.hpo.enabled, x.backend, x.evaluator]);
}

/**
 * The page's time estimates: the worker times a step of a typical network when what it depends on
 * changes (never while a run is in flight), and core turns the timing into seconds for any budget,
 * strategy or comparison at once.
 */
export class Estimates {
  private timing = $state.raw<StepTiming | null>(null);
  private measuredKey = $state<string | null>(null);
  measuring = $state(false);
  private wanted: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly worker: Remote<SearchWorkerApi>) {}

  /** Measures for `x`, a moment after the last change, unless its timing is known. */
  request(x: Experiment): void {
    if (evaluatorEntry(x.evaluator).table) return;
    const key = keyOf(x);
    if (key === this.measuredKey || key === this.wanted) return;
    this.wanted = key;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.measure(x, key), SETTLE_MS);
  }

  /** Stops a measurement that has not started (a run is starting). */
  hold(): void {
    clearTimeout(this.timer);
    this.wanted = null;
  }

  private async measure(x: Experiment, key: string): Promise<void> {
    this.measuring = true;
    try {
      const timing = await this.worker.estimate(x);
      if (this.wanted === key) [this.timing, this.measuredKey] = [timing, key];
    } catch {
      // No estimate is better than a wrong one; the run itself will say what is wrong.
      if (this.wanted === key) [this.timing, this.measuredKey] = [null, key];
    } finally {
      this.measuring = false;
    }
  }

  private timingFor(x: Experiment): StepTiming | null | undefined {
    return keyOf(x) === this.measuredKey ? this.timing : undefined;
  }

  /** Seconds a search of `x` will take; null until measured. */
  run(x: Experiment): TimeEstimate | null {
    if (evaluatorEntry(x.evaluator).table) return estimateRun(x, null);
    const timing = this.timingFor(x);
    return timing ? estimateRun(x, timing) : null;
  }

  /** Seconds a comparison of these strategies on these many seeds will take; null until measured. */
  comparison(x: Experiment, strategies: readonly string[], seeds: number): TimeEstimate | null {
    const table = evaluatorEntry(x.evaluator).table;
    const timing = table ? null : this.timingFor(x);
    return table || timing ? estimateComparison(x, strategies, seeds, timing ?? null) : null;
  }

  /** Seconds a retraining of one network of `flops` FLOPs for `epochs` epochs will take (evaluation depth); null until measured. */
  retrain(x: Experiment, flops: number, epochs: number): TimeEstimate | null {
    const timing = evaluatorEntry(x.evaluator).table ? null : this.timingFor(x);
    return timing ? estimateRetrain(x, timing, flops, epochs) : null;
  }
}
