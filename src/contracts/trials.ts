import type { TrialRecord } from './events';

/** The best trial by reward; ties go to the earlier one. Pure, so the page and the engine share it. */
export function bestTrial(trials: readonly TrialRecord[]): TrialRecord | null {
  return trials.reduce<TrialRecord | null>((b, t) => (b === null || t.reward > b.reward ? t : b), null);
}
