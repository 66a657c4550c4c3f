import type { StrategyView } from '../core/strategy/explain';
import type { AlphaSnapshot } from './events';

/** The phases of one trial that step mode pauses after, in order. */
export const STEP_PHASES = ['propose', 'build', 'train', 'score', 'update'] as const;
export type StepPhase = (typeof STEP_PHASES)[number];

/** A weight-sharing search in step mode: α (or a controller's frequencies) after an epoch, beside the epoch before. */
export interface AlphaStepView {
  kind: 'alpha';
  snapshot: AlphaSnapshot;
  previous: AlphaSnapshot | null;
}

/** Where a search in step mode waits for Next: the phase just done, and what the strategy did in its own terms. */
export interface StepInfo {
  /** A phase of a trial, or `epoch`: a weight-sharing search finished one epoch of its supernet. */
  phase: StepPhase | 'epoch';
  /** The trial (0-based). */
  index: number;
  encoded: string;
  origin: string;
  /** The decision vector of the proposal, and the space's decisions (name and option labels): what a guess is about. */
  choices: number[];
  decisions: Array<{ name: string; options: string[] }>;
  /** After training and scoring: the validation accuracy, the reward the strategy is told, epochs trained. */
  accuracy?: number;
  reward?: number;
  epochs?: number;
  /** The strategy's own view after `propose` and `update`; null where it has no `explain` hook. */
  view: StrategyView | AlphaStepView | null;
}
