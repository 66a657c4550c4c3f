import type { Problem } from '../core/problems';

/** What the moves of the last change did, said beside the control that was changed. */
export interface SettingChange {
  /** The field the person changed (a dotted path), where the note is shown. */
  source: string;
  text: string;
}

/**
 * Feedback on editing the experiment, shown beside the control it is about: why the last change
 * was refused (a problem of its field), and what else it changed.
 */
export class EditFeedback {
  problem = $state.raw<Problem | null>(null);
  change = $state.raw<SettingChange | null>(null);
  /** Bumped on every refusal, so the control shows (and a screen reader hears) the same message again. */
  refusals = $state(0);

  refuse(problem: Problem): void {
    this.problem = problem;
    this.change = null;
    this.refusals += 1;
  }

  accept(change: SettingChange | null): void {
    this.problem = null;
    this.change = change;
  }
}
