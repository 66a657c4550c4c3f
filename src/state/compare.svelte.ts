import type { Remote } from 'comlink';
import { toErrorInfo, type ErrorInfo } from '../core/errors';
import type { Experiment } from '../core/experiment';
import type { StrategyId } from '../core/strategy/index';
import type { CompareProgress, StrategyComparison } from '../contracts/compare';
import { proxy } from '../worker/client';
import type { SearchWorkerApi } from '../contracts/worker-api';

/** Comparison runs get ids of their own range, so they never match a search's. */
const RUN_ID_BASE = 1_000_000;

/** Several strategies, the same seeds, everything else equal: the page's comparison view. */
export class CompareSession {
  strategies = $state<StrategyId[]>(['random', 'evolution', 'reinforce', 'tpe']);
  /** Three seeds: enough for a spread, few enough that trained searches finish in minutes (the estimate says how many). */
  seeds = $state(3);
  status = $state<'idle' | 'running' | 'done' | 'stopped' | 'error'>('idle');
  progress = $state.raw<CompareProgress | null>(null);
  results = $state.raw<StrategyComparison[]>([]);
  error = $state.raw<ErrorInfo | null>(null);
  /** The budget the results were made with, for the chart's axis. */
  budget = $state(0);
  private runId = RUN_ID_BASE;

  constructor(private readonly worker: Remote<SearchWorkerApi>) {}

  toggle(id: StrategyId): void {
    this.strategies = this.strategies.includes(id) ? this.strategies.filter((s) => s !== id) : [...this.strategies, id];
  }

  /** `exclude`: strategies the experiment's evaluator cannot serve (multi-fidelity ones on a table). */
  async start(experiment: Experiment, exclude: readonly StrategyId[] = []): Promise<void> {
    const strategies = this.strategies.filter((s) => !exclude.includes(s));
    if (strategies.length === 0) return;
    const runId = ++this.runId;
    this.status = 'running';
    this.error = null;
    this.results = [];
    this.progress = null;
    this.budget = experiment.budget;
    const seeds = Array.from({ length: this.seeds }, (_, i) => experiment.seed + i);
    // The experiment's own strategy must not trip validation for strategies it does not name.
    const base = { ...experiment, strategy: strategies[0]! };
    try {
      const results = await this.worker.compare(
        runId,
        base,
        strategies,
        seeds,
        proxy((id: number, progress: CompareProgress, partial: StrategyComparison[]) => {
          if (id !== this.runId) return;
          this.progress = progress;
          this.results = partial;
        }),
      );
      if (runId !== this.runId) return;
      const complete = results.length === strategies.length;
      this.results = results.length ? results : this.results;
      this.status = complete ? 'done' : 'stopped';
    } catch (e) {
      if (runId !== this.runId) return;
      this.error = toErrorInfo(e);
      this.status = 'error';
    }
  }

  /** Adds a run's trials from elsewhere beside the compared strategies: its best score after every trial. */
  addImported(label: string, strategy: StrategyId, scores: readonly number[]): void {
    let best = -Infinity;
    const curve = scores.map((s) => (best = Math.max(best, s)));
    const entry: StrategyComparison = { strategy, label, curves: [curve], mean: curve, std: curve.map(() => 0) };
    this.results = [...this.results.filter((r) => r.label !== label), entry];
    this.budget = Math.max(this.budget, curve.length);
    if (this.status === 'idle') this.status = 'done';
  }

  stop(): void {
    if (this.status === 'running') void this.worker.stop(this.runId);
  }
}
