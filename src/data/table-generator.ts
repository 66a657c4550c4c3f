import type { Rng } from '../core/rng';
import type { Split } from '../nn/train';

/**
 * A class-conditional generator for tables and points: per class, a mixture of a few Gaussians with
 * diagonal covariance, fitted to that class's training rows by k-means (hard EM) from seeded starts.
 * Tables here have tens to hundreds of rows per class, too few for a GAN to learn from without
 * collapsing; a mixture fits in milliseconds, keeps each class's clusters and spread, and is exact to
 * reproduce. Samples are drawn from the fitted mixture.
 */
export interface ClassMixture {
  /** Per component: weight, mean, standard deviation per column. */
  components: Array<{ weight: number; mean: Float64Array; std: Float64Array }>;
}

const MAX_COMPONENTS = 3;
const ITERATIONS = 10;
/** A column with no spread in a cluster still gets a little, so samples are not copies. */
const MIN_STD = 0.05;

function fitClass(rows: Float32Array[], size: number, rng: Rng): ClassMixture {
  const k = Math.max(1, Math.min(MAX_COMPONENTS, Math.floor(rows.length / 10)));
  let centres = Array.from({ length: k }, () => Float64Array.from(rows[rng.int(rows.length)]!));
  let assign = new Int32Array(rows.length);
  const sq = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    let s = 0;
    for (let f = 0; f < size; f++) s += (a[f]! - b[f]!) ** 2;
    return s;
  };
  for (let it = 0; it < ITERATIONS; it++) {
    assign = Int32Array.from(rows, (r) => {
      let best = 0;
      for (let c = 1; c < k; c++) if (sq(r, centres[c]!) < sq(r, centres[best]!)) best = c;
      return best;
    });
    centres = centres.map((old, c) => {
      const mine = rows.filter((_, i) => assign[i] === c);
      if (mine.length === 0) return old;
      const m = new Float64Array(size);
      for (const r of mine) for (let f = 0; f < size; f++) m[f]! += r[f]! / mine.length;
      return m;
    });
  }
  const components = centres
    .map((mean, c) => {
      const mine = rows.filter((_, i) => assign[i] === c);
      const std = new Float64Array(size);
      for (const r of mine) for (let f = 0; f < size; f++) std[f]! += (r[f]! - mean[f]!) ** 2 / mine.length;
      for (let f = 0; f < size; f++) std[f] = Math.max(MIN_STD, Math.sqrt(std[f]!));
      return { weight: mine.length / rows.length, mean, std };
    })
    .filter((c) => c.weight > 0);
  return { components };
}

/** One mixture per class, fitted on `train` (the training split only); a class with no rows gets none. */
export function fitTableGenerator(train: Split, size: number, classes: number, rng: Rng): Array<ClassMixture | null> {
  return Array.from({ length: classes }, (_, k) => {
    const rows: Float32Array[] = [];
    for (let i = 0; i < train.n; i++) if (train.y[i] === k) rows.push(train.x.subarray(i * size, (i + 1) * size));
    return rows.length > 0 ? fitClass(rows, size, rng.fork(`class-${k}`)) : null;
  });
}

/** `counts[k]` rows of class k drawn from its mixture, in class order. */
export function sampleTable(mixtures: ReadonlyArray<ClassMixture | null>, counts: readonly number[], size: number, rng: Rng): Split {
  const labels = Int32Array.from(counts.flatMap((c, k) => (mixtures[k] ? Array.from({ length: c }, () => k) : [])));
  const x = new Float32Array(labels.length * size);
  labels.forEach((k, i) => {
    const { components } = mixtures[k]!;
    let u = rng.next();
    const chosen = components.find((c) => (u -= c.weight) < 0) ?? components[components.length - 1]!;
    for (let f = 0; f < size; f++) x[i * size + f] = chosen.mean[f]! + chosen.std[f]! * rng.normal();
  });
  return { x, y: labels, n: labels.length };
}
