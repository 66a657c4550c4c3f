/**
 * Which implementation of the training step's ops runs: `fast` (strided depthwise convs computed at
 * their stride, max-pool gradients by phases, no input gradient for the data), or `legacy`, the code before it,
 * kept only so the benches and the tests can time and compare both in one process. The product
 * never switches it.
 */
export type StepPath = 'fast' | 'legacy';

let path: StepPath = 'fast';
let lean = true;

export function useStepPath(next: StepPath): void {
  path = next;
}

export function stepPath(): StepPath {
  return path;
}

/**
 * Whether the step also skips the copies wasm's Identity, Cast, Slice, SplitV and Concat made
 * (src/nn/wasm-no-copy.ts), updates all variables joined (src/nn/optimizer.ts) and leaves out a
 * 1 × 1 conv's filter flip and its gradient's last transpose (src/nn/ops.ts). Same values
 * either way; off, or on the legacy path, it is the step before them, kept for the benches only.
 */
export function useLeanStep(next: boolean): void {
  lean = next;
}

export function leanStep(): boolean {
  return lean && path !== 'legacy';
}
