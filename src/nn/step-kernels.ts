/**
 * Which kernels batch norm's training step runs: `fast` (per-channel means as average pools, the
 * per-channel scale and shift as one 1 × 1 depthwise conv with bias: fewer kernels a layer) or
 * `v5`, the matMul-and-elementwise code of link version 5 and before. Both compute the same maths
 * but round differently, so a link made before version 6 keeps `v5` (see link-upgrade.ts) and
 * replays the search it was made with. Set from the experiment by useTrainingNumerics.
 */
export type StepKernels = 'v5' | 'fast';

let kernels: StepKernels = 'fast';

export function useStepKernels(next: StepKernels): void {
  kernels = next;
}

export function stepKernels(): StepKernels {
  return kernels;
}
