import { meanStd } from '../core/stats';
import { experimentSpace, type Experiment } from '../core/experiment';
import { evaluatorEntry } from '../core/evaluator/index';
import { assertRunnable } from '../core/rules';
import type { StrategyId } from '../core/strategy/index';
import type { CompareProgress, StrategyComparison } from '../contracts/compare';
import type { TrialRecord } from '../contracts/events';
import { SearchControl } from './control';
import { createEvaluator } from './evaluate/index';
import { runSearch, type SearchDeps } from './search';

/** The figure a returned architecture is judged by: the reported (test) accuracy where there is one. */
export function finalScore(trial: TrialRecord): number {
  return trial.reported?.accuracy ?? trial.accuracy;
}

/** After each trial: the final score of the best-by-reward trial so far, as a strategy would return it. */
export function returnedCurve(trials: readonly TrialRecord[]): number[] {
  let best: TrialRecord | null = null;
  return trials.map((t) => {
    if (best === null || t.reward > best.reward) best = t;
    return finalScore(best);
  });
}

function columnStats(columns: number[][]): { mean: number[]; std: number[] } {
  const length = Math.min(...columns.map((c) => c.length));
  const mean: number[] = [];
  const std: number[] = [];
  for (let i = 0; i < length; i++) {
    const column = meanStd(columns.map((c) => c[i]!));
    mean.push(column.mean);
    std.push(column.std);
  }
  return { mean, std };
}

/**
 * Runs each strategy on the same seeds with everything else equal and summarises the returned
 * architecture's score after every trial: the mean and spread a class compares.
 */
export async function compareStrategies(
  x: Experiment,
  strategies: readonly StrategyId[],
  seeds: readonly number[],
  deps: Omit<SearchDeps, 'setup'>,
  onProgress: (p: CompareProgress, partial: StrategyComparison[]) => void,
): Promise<StrategyComparison[]> {
  // Every strategy is checked before any data is loaded or any search runs.
  for (const strategy of strategies) assertRunnable({ ...x, strategy });
  const control = deps.control ?? new SearchControl();
  // Load the data or table once; every run shares it.
  // With shared weights each strategy trains its own supernet, so there is no evaluator to share.
  const setup = evaluatorEntry(x.evaluator).sharesWeights ? undefined : await createEvaluator(x, experimentSpace(x), deps.readAsset, deps.userFile, deps.net);
  const out: StrategyComparison[] = [];
  let done = 0;
  for (const strategy of strategies) {
    const curves: number[][] = [];
    for (const seed of seeds) {
      const result = await runSearch({ ...x, strategy, seed }, { ...deps, control, setup }, () => {});
      if (result.stopped) return out;
      curves.push(returnedCurve(result.trials));
      done += 1;
      const current = { strategy, curves, ...columnStats(curves) };
      onProgress({ done, total: strategies.length * seeds.length, strategy, seed }, [...out, current]);
    }
    out.push({ strategy, curves, ...columnStats(curves) });
  }
  return out;
}
