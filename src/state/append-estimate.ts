import type { AppendReport } from '../contracts/append';
import type { TrialRecord } from '../contracts/events';

/**
 * The time the rest of a run will take once its data grew: training time scales with the training
 * rows, so the trials trained before the first append (seconds each, on their rows) are scaled to
 * the rows the next ones train on. Null until one such trial and one append exist.
 */
export function timeLeftAfterAppend(
  trials: readonly TrialRecord[],
  appended: readonly AppendReport[],
  budget: number,
  train: number,
): { seconds: number; perTrial: number; before: number } | null {
  const first = appended[0];
  const trained = trials.filter((t) => !t.data && !t.predicted);
  if (!first || trained.length === 0) return null;
  const before = first.train - first.added;
  const perTrial = (trained.reduce((a, t) => a + t.seconds, 0) / trained.length) * (train / Math.max(before, 1));
  return { seconds: perTrial * Math.max(0, budget - trials.length), perTrial, before };
}
