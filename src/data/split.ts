import type { Rng } from '../core/rng';
import type { Split } from '../nn/train';
import type { Examples } from './types';

function take(ex: Examples, indices: number[], size: number): Split {
  const x = new Float32Array(indices.length * size);
  const y = new Int32Array(indices.length);
  indices.forEach((i, k) => {
    x.set(ex.x.subarray(i * size, (i + 1) * size), k * size);
    y[k] = ex.y[i]!;
  });
  return { x, y, n: indices.length };
}

/**
 * Seeded stratified split: each class is shuffled and cut in the same proportion, so a small
 * validation set still holds every class. `maxExamples` (0 = all) keeps a stratified subset first.
 */
export function stratifiedSplit(ex: Examples, exampleSize: number, validationFraction: number, maxExamples: number, rng: Rng): { train: Split; val: Split } {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < ex.n; i++) {
    const list = byClass.get(ex.y[i]!) ?? [];
    list.push(i);
    byClass.set(ex.y[i]!, list);
  }
  const keep = maxExamples > 0 && maxExamples < ex.n ? maxExamples / ex.n : 1;
  const train: number[] = [];
  const val: number[] = [];
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = rng.shuffle(byClass.get(label)!);
    const kept = members.slice(0, Math.max(2, Math.round(members.length * keep)));
    const nVal = Math.max(1, Math.round(kept.length * validationFraction));
    // Loops, not push(...list): a class of 150 000 rows overflows the call stack as arguments.
    kept.forEach((i, k) => (k < nVal ? val : train).push(i));
  }
  train.sort((a, b) => a - b);
  val.sort((a, b) => a - b);
  return { train: take(ex, train, exampleSize), val: take(ex, val, exampleSize) };
}
