import type { AlphaSnapshot, Emit } from '../contracts/events';
import type { StepInfo, StepPhase } from '../contracts/step';
import type { SearchSpace } from '../core/space/types';
import { explains } from '../core/strategy/explain';
import type { Proposal, Strategy } from '../core/strategy/types';
import type { SearchControl } from './control';

export type StepFacts = Partial<Pick<StepInfo, 'accuracy' | 'reward' | 'epochs'>>;
export type StepGate = (phase: StepPhase, index: number, proposal: Proposal, facts?: StepFacts) => Promise<void>;

/**
 * Step mode's gate: after each phase, say what happened (with the strategy's own view where it
 * explains itself) and wait for Next, which is the control's resume. Pausing before the event goes
 * out means a Next that answers it always finds the search waiting. Off, it does nothing at all.
 */
export function stepGate(on: boolean, space: SearchSpace, strategy: Strategy, control: SearchControl, emit: Emit): StepGate {
  if (!on) return () => Promise.resolve();
  const decisions = space.decisions().map((d) => ({ name: d.name, options: [...d.options] }));
  return async (phase, index, proposal, facts = {}) => {
    const view = (phase === 'propose' || phase === 'update') && explains(strategy) ? strategy.explain(phase) : null;
    control.pause();
    emit({
      type: 'step',
      step: { phase, index, encoded: proposal.encoded, origin: proposal.origin, choices: space.toDecisions(proposal.genotype), decisions, view, ...facts },
    });
    await control.checkpoint();
  };
}

/**
 * Step mode for a weight-sharing search: after each epoch, α per edge (and the epoch before's) and
 * the cell it derives, then wait for Next. The supernet's epoch is its only phase a person can watch.
 */
export async function epochStep(
  control: SearchControl,
  emit: Emit,
  trial: { index: number; encoded: string; origin: string },
  snapshot: AlphaSnapshot,
  previous: AlphaSnapshot | null,
): Promise<void> {
  control.pause();
  emit({
    type: 'step',
    step: {
      phase: 'epoch',
      index: trial.index,
      encoded: trial.encoded,
      origin: trial.origin,
      choices: [],
      decisions: [],
      view: { kind: 'alpha', snapshot, previous },
    },
  });
  await control.checkpoint();
}
