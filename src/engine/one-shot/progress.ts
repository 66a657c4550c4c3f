/**
 * When an epoch shows α as it moves: four times an epoch, and in the first epoch in which α learns
 * also after weight steps 1, 2, 4, 8…, so the first picture comes after one step instead of a
 * quarter of an epoch (a cell supernet's quarter epoch is a minute or more on a laptop's CPU).
 */

let early = true;

/** Whether the first epoch shows α early (the default). Off only to measure the old schedule beside it (bench/one-shot-speed.ts). */
export function useEarlyAlpha(on: boolean): void {
  early = on;
}

/** Whether α is shown after weight step `done` (1-based) of `steps`; the epoch's end shows it anyway. */
export function showsAlpha(done: number, steps: number, firstLearning: boolean): boolean {
  if (done >= steps) return false;
  if (done % Math.max(1, Math.floor(steps / 4)) === 0) return true;
  return early && firstLearning && (done & (done - 1)) === 0;
}
