import type { TrialRecord } from '../contracts/events';
import { bestTrial } from '../contracts/trials';
import { returnsLatest } from '../core/methods';

/** What a search returns: the trial the engine named when it finished; before that, a DARTS-style search its last derived genotype, others their top scorer. */
export function returnedTrial(trials: readonly TrialRecord[], returned: number | null, strategy: string): TrialRecord | null {
  if (returned !== null) return trials[returned] ?? null;
  if (returnsLatest(strategy)) return trials[trials.length - 1] ?? null;
  return bestTrial(trials);
}
