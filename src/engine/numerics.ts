import type { Experiment } from '../core/experiment';
import { useAvgPoolGradient } from '../nn/pool-ops';
import { useStepKernels } from '../nn/step-kernels';

/**
 * Sets the training settings that choose between two roundings of the same maths (average
 * pooling's border gradient, batch norm's kernels), so a run computes exactly what its link
 * computed when it was made. Called where a run starts (a search, a retraining at evaluation
 * depth); the estimate and the backend race only time steps and leave them as they are, since
 * they may run beside a search in the same worker.
 */
export function useTrainingNumerics(training: Pick<Experiment['training'], 'avgPoolGradient' | 'stepKernels'>): void {
  useAvgPoolGradient(training.avgPoolGradient);
  useStepKernels(training.stepKernels);
}
