import type { TrialRecord } from '../contracts/events';
import { bestTrial } from '../contracts/trials';

/**
 * Whether a strategy's answer is its latest derived genotype (read off α) rather than its top
 * scorer. The one place that knows: when the one-shot registry lands, its entries' `readsAlpha`
 * trait answers this instead of the list.
 */
export function returnsLatestDerived(strategy: string): boolean {
  return ['darts', 'pdarts', 'proxyless'].includes(strategy);
}

/** What a search returns: the trial the engine named when it finished; before that, a DARTS-style search its last derived genotype, others their top scorer. */
export function returnedTrial(trials: readonly TrialRecord[], returned: number | null, strategy: string): TrialRecord | null {
  if (returned !== null) return trials[returned] ?? null;
  if (returnsLatestDerived(strategy)) return trials[trials.length - 1] ?? null;
  return bestTrial(trials);
}
