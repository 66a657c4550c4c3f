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
 * `testFraction` holds out a test split after the validation one, from the same shuffle, so with no
 * test split the other two are exactly what they were before test splits existed; each class keeps
 * at least one training example.
 */
export function stratifiedSplit(
  ex: Examples,
  exampleSize: number,
  validationFraction: number,
  maxExamples: number,
  rng: Rng,
  testFraction = 0,
): { train: Split; val: Split; test: Split } {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < ex.n; i++) {
    const list = byClass.get(ex.y[i]!) ?? [];
    list.push(i);
    byClass.set(ex.y[i]!, list);
  }
  const keep = maxExamples > 0 && maxExamples < ex.n ? maxExamples / ex.n : 1;
  const train: number[] = [];
  const val: number[] = [];
  const test: number[] = [];
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = rng.shuffle(byClass.get(label)!);
    const kept = members.slice(0, Math.max(2, Math.round(members.length * keep)));
    const nVal = Math.max(1, Math.round(kept.length * validationFraction));
    const nTest = testFraction > 0 ? Math.max(0, Math.min(Math.max(1, Math.round(kept.length * testFraction)), kept.length - nVal - 1)) : 0;
    // Loops, not push(...list): a class of 150 000 rows overflows the call stack as arguments.
    kept.forEach((i, k) => (k < nVal ? val : k < nVal + nTest ? test : train).push(i));
  }
  for (const list of [train, val, test]) list.sort((a, b) => a - b);
  return { train: take(ex, train, exampleSize), val: take(ex, val, exampleSize), test: take(ex, test, exampleSize) };
}
