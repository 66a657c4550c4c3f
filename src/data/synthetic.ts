import type { SyntheticReport } from '../contracts/data';
import type { Rng } from '../core/rng';
import type { Split } from '../nn/train';

/**
 * Class-conditional synthetic examples (SMOTE, Chawla et al. 2002, for images too): every training
 * class smaller than the largest gets new examples, each a random point on the segment between one
 * of its examples and the nearest of a few other examples of the same class. Validation is untouched.
 * The synthetic examples come after the real ones, so they can be shown apart.
 */
export function balanceClasses(train: Split, size: number, classes: number, rng: Rng): { train: Split; report: SyntheticReport } {
  const members = Array.from({ length: classes }, (): number[] => []);
  for (let i = 0; i < train.n; i++) members[train.y[i]!]!.push(i);
  const target = Math.max(...members.map((m) => m.length));
  const added = members.map((m) => (m.length >= 2 ? target - m.length : 0));
  const total = added.reduce((a, b) => a + b, 0);
  const x = new Float32Array((train.n + total) * size);
  x.set(train.x.subarray(0, train.n * size));
  const y = new Int32Array(train.n + total);
  y.set(train.y.subarray(0, train.n));
  let at = train.n;
  const distance = (a: number, b: number) => {
    let s = 0;
    for (let q = 0; q < size; q++) s += (train.x[a * size + q]! - train.x[b * size + q]!) ** 2;
    return s;
  };
  members.forEach((m, k) => {
    for (let j = 0; j < added[k]!; j++) {
      const a = rng.pick(m);
      let b = -1;
      for (let t = 0; t < 5; t++) {
        const c = rng.pick(m);
        if (c !== a && (b < 0 || distance(a, c) < distance(a, b))) b = c;
      }
      if (b < 0) b = m.find((c) => c !== a)!;
      const u = rng.next();
      for (let q = 0; q < size; q++) x[at * size + q] = train.x[a * size + q]! + u * (train.x[b * size + q]! - train.x[a * size + q]!);
      y[at] = k;
      at++;
    }
  });
  return { train: { x, y, n: at }, report: { added, method: 'SMOTE-style interpolation between neighbours of the same class' } };
}
