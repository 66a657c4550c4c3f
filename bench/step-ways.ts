import { useStepKernels } from '../src/nn/step-kernels';
import { useLeanStep, useStepPath } from '../src/nn/step-path';

/**
 * The two training steps the step benches alternate on the same networks: `now`, the product's
 * step, and `before`, which the baseline picks: `ops`, the step path before the fast ops
 * (src/nn/step-path.ts); `kernels`, batch norm's kernels of link version 5 (src/nn/step-kernels.ts);
 * `original`, both at once — the step as it was before issue 15; or `previous`, today's ops and
 * kernels with wasm's copies and the optimizer's update variable by variable (the lean step off).
 */
export type Way = 'before' | 'now';
export type Baseline = 'ops' | 'kernels' | 'original' | 'previous';

export function useWay(way: Way, baseline: Baseline): void {
  const before = way === 'before';
  useStepPath(before && (baseline === 'ops' || baseline === 'original') ? 'legacy' : 'fast');
  useStepKernels(before && (baseline === 'kernels' || baseline === 'original') ? 'v5' : 'fast');
  useLeanStep(!(before && baseline === 'previous'));
}

/** The baseline the benches' `--kernels`, `--original` and `--previous` flags ask for (`ops` without any). */
export function baselineOf(flags: { kernels?: boolean; original?: boolean; previous?: boolean }): Baseline {
  const picked = (['kernels', 'original', 'previous'] as const).filter((b) => flags[b]);
  if (picked.length > 1) throw new Error(`--${picked.join(' and --')} pick different baselines: give one`);
  return picked[0] ?? 'ops';
}
