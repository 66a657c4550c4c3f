import { useStepKernels } from '../src/nn/step-kernels';
import { useStepPath } from '../src/nn/step-path';

/**
 * The two training steps the step benches alternate on the same networks: `now`, the product's
 * step, and `before`, which the baseline picks: `ops`, the step path before the fast ops
 * (src/nn/step-path.ts); `kernels`, batch norm's kernels of link version 5 (src/nn/step-kernels.ts);
 * or `original`, both at once — the step as it was before issue 15.
 */
export type Way = 'before' | 'now';
export type Baseline = 'ops' | 'kernels' | 'original';

export function useWay(way: Way, baseline: Baseline): void {
  const before = way === 'before';
  useStepPath(before && baseline !== 'kernels' ? 'legacy' : 'fast');
  useStepKernels(before && baseline !== 'ops' ? 'v5' : 'fast');
}

/** The baseline that the benches' `--kernels` and `--original` flags ask for (`ops` without either). */
export function baselineOf(flags: { kernels?: boolean; original?: boolean }): Baseline {
  if (flags.kernels && flags.original) throw new Error('--kernels and --original pick different baselines: give one');
  return flags.original ? 'original' : flags.kernels ? 'kernels' : 'ops';
}
