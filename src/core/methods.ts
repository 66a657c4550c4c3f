import { evaluatorEntry } from './evaluator/index';
import { isOneShot, ONE_SHOT_IDS, oneShotEntry, type OneShotEntry, type OneShotId } from './one-shot/index';
import { STRATEGY_IDS, strategyEntry, type AnyStrategyEntry, type StrategyId } from './strategy/index';

/** Every strategy of the menu: the ask/tell ones, then weight sharing. */
export const METHOD_IDS = [...STRATEGY_IDS, ...ONE_SHOT_IDS] as const;
export type MethodId = StrategyId | OneShotId;
export type MethodEntry = AnyStrategyEntry | OneShotEntry<OneShotId>;

/** The entry of a strategy of either kind: its title, blurb and traits. */
export function methodEntry(id: MethodId): MethodEntry;
export function methodEntry(id: string): MethodEntry | undefined;
export function methodEntry(id: string): MethodEntry | undefined {
  return isOneShot(id) ? oneShotEntry(id) : strategyEntry(id);
}

/** The weight-sharing method of an experiment: its one-shot strategy, else its evaluator (the supernet evaluator, or one that shares none). */
export function sharerOf(x: { strategy: string; evaluator: string }): string {
  return methodEntry(x.strategy)?.hasSupernet ? x.strategy : x.evaluator;
}

/**
 * What a search returns: a method that reads its answer off α returns its latest derived genotype;
 * every other returns its best-scoring trial.
 */
export function returnsLatest(id: string): boolean {
  return methodEntry(id)?.readsAlpha ?? false;
}

/** Weight sharing in either form: a strategy that trains a supernet, or any strategy scored with one. */
export function sharesWeights(x: { strategy: string; evaluator: string }): boolean {
  return (methodEntry(x.strategy)?.hasSupernet ?? false) || (evaluatorEntry(x.evaluator)?.sharesWeights ?? false);
}
