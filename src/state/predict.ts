import type { StepInfo } from '../contracts/step';

/** "Predict the next move": a question about the proposal to come, asked while the search waits after an update. */
export interface Question {
  /** `decision`: which decision the mutation changes; `option`: which option the strategy picks for `decision`. */
  kind: 'decision' | 'option';
  decision: number;
  prompt: string;
  answers: string[];
}

/**
 * The question to ask at `step`, or null where none is due. Evolution with a full population
 * mutates next, so the question is which decision it changes; otherwise which option the strategy
 * picks for one decision, a different one each trial.
 */
export function nextQuestion(step: StepInfo, strategy: string): Question | null {
  const view = step.view;
  if (view?.kind === 'alpha') {
    // A weight-sharing search: which op leads an edge after the next epoch, a different edge each epoch.
    const { edges, ops } = view.snapshot;
    const edge = (step.index + 1) % edges.length;
    return { kind: 'option', decision: edge, prompt: `Which op will lead ${edges[edge]!.label} after the next epoch?`, answers: [...ops] };
  }
  if (step.phase !== 'update' || step.decisions.length === 0) return null;
  if (view?.kind === 'evolution' && view.population.length >= view.size)
    return { kind: 'decision', decision: -1, prompt: `Which decision will ${strategy} mutate in the next child?`, answers: step.decisions.map((d) => d.name) };
  const decision = (step.index + 1) % step.decisions.length;
  const d = step.decisions[decision]!;
  return { kind: 'option', decision, prompt: `Which option will ${strategy} pick for ${d.name} next?`, answers: [...d.options] };
}

/** The right answers to `question`, read off the proposal that followed (its `propose` step). */
export function answersOf(question: Question, proposed: StepInfo): number[] {
  if (proposed.view?.kind === 'alpha') return leaders(proposed.view.snapshot.probs[question.decision] ?? []);
  if (question.kind === 'decision') return proposed.view?.kind === 'evolution' ? proposed.view.mutated.map((m) => m.decision) : [];
  const choice = proposed.choices[question.decision];
  return choice === undefined ? [] : [choice];
}

/** The options with the highest probability (ties all count). */
export function leaders(probs: readonly number[]): number[] {
  const top = Math.max(...probs);
  return probs.flatMap((p, i) => (p === top ? [i] : []));
}
