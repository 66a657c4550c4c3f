import { useStepKernels } from '../src/nn/step-kernels';
import { useStepPath } from '../src/nn/step-path';

/**
 * The two training steps the step benches alternate on the same networks: `now`, the product's
 * step, and `before`, either the step path before the fast ops (src/nn/step-path.ts) or, with
 * `kernels`, batch norm's kernels of link version 5 (src/nn/step-kernels.ts).
 */
export type Way = 'before' | 'now';

export function useWay(way: Way, kernels: boolean): void {
  useStepPath(way === 'before' && !kernels ? 'legacy' : 'fast');
  useStepKernels(way === 'before' && kernels ? 'v5' : 'fast');
}
