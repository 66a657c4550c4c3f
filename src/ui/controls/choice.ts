import type { ExperimentPatch } from '../../core/adjust';
import type { Experiment } from '../../core/experiment';
import { problemsWith } from '../../core/rules';

/** One option of a menu, greyed out with its reason where it cannot run with the rest of the experiment. */
export interface ChoiceOption<V> {
  value: V;
  label: string;
  /** Why it cannot be chosen here; absent when it can. */
  reason?: string;
  /** The menu group it belongs to. */
  group?: string;
}

/** Why choosing this (with the moves it brings) would not run: the first problem's message and advice, or undefined. */
export function reasonFor(x: Experiment, patch: ExperimentPatch): string | undefined {
  const [p] = problemsWith(x, patch);
  return p ? `${p.message} ${p.advice}` : undefined;
}
