/**
 * Which implementation of the training step's ops runs: `fast` (strided depthwise convs computed at
 * their stride, max-pool gradients by phases, no input gradient for the data, the optimizer's update on all
 * variables joined, no copies for wasm's Identity and same-dtype Cast), or `legacy`, the code before it,
 * kept only so the benches and the tests can time and compare both in one process. The product
 * never switches it.
 */
export type StepPath = 'fast' | 'legacy';

let path: StepPath = 'fast';

export function useStepPath(next: StepPath): void {
  path = next;
}

export function stepPath(): StepPath {
  return path;
}
