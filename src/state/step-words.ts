import type { StepInfo } from '../contracts/step';
import { percent } from '../core/format';

/** The phase a step-through search waits at, in words: what just happened, numbered 1–5 within the trial. */
export function phaseText(step: StepInfo, strategy: string): string {
  const trial = `trial ${step.index + 1}`;
  switch (step.phase) {
    case 'propose':
      return `1 · Propose: ${strategy} proposed ${trial} (${step.origin}).`;
    case 'build':
      return `2 · Build: the network of ${trial} is built from its decisions; its graph is shown.`;
    case 'train':
      return step.epochs
        ? `3 · Train: ${trial} trained for ${step.epochs} epoch${step.epochs === 1 ? '' : 's'}.`
        : `3 · Train: nothing to train; the table gives the accuracy ${trial} reached when it was trained.`;
    case 'score':
      return `4 · Score: ${trial} reached validation accuracy ${percent(step.accuracy ?? 0)}; the reward told to ${strategy} is ${(step.reward ?? 0).toFixed(3)}.`;
    case 'update':
      return `5 · Update: ${strategy} took in the reward of ${trial}. Next: it proposes trial ${step.index + 2}.`;
    case 'epoch':
      return `Epoch ${step.index + 1}: the supernet trained one more epoch; α per edge moved, and the cell it derives now is scored as ${trial}.`;
  }
}
