import type { Split } from '../nn/train';

/** Training rows the quick baseline is fitted on. */
const BASELINE_ROWS = 2000;

/** `count` rows at an even stride through the split. */
function everyNth(s: Split, d: number, count: number): Split {
  const x = new Float32Array(count * d);
  const y = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const i = Math.floor((k * s.n) / count);
    x.set(s.x.subarray(i * d, (i + 1) * d), k * d);
    y[k] = s.y[i]!;
  }
  return { x, y, n: count };
}

/**
 * Softmax regression by full-batch gradient descent: a seconds-cheap baseline whose validation
 * accuracy shows what a feature step did before any search runs.
 */
export function baselineAccuracy(fullTrain: Split, val: Split, d: number, classes: number, iterations = 300, rate = 1): number {
  // Fitted on BASELINE_ROWS training rows spread evenly over the file: the baseline is an
  // indication, and full-batch descent over 160 000 rows took half a minute.
  const train = fullTrain.n <= BASELINE_ROWS ? fullTrain : everyNth(fullTrain, d, BASELINE_ROWS);
  const w = new Float64Array(d * classes);
  const b = new Float64Array(classes);
  const logits = new Float64Array(classes);
  const scores = (s: Split, i: number) => {
    for (let k = 0; k < classes; k++) {
      let z = b[k]!;
      for (let f = 0; f < d; f++) z += s.x[i * d + f]! * w[f * classes + k]!;
      logits[k] = z;
    }
    return logits;
  };
  for (let it = 0; it < iterations; it++) {
    const gw = new Float64Array(d * classes);
    const gb = new Float64Array(classes);
    for (let i = 0; i < train.n; i++) {
      const z = scores(train, i);
      const max = Math.max(...z);
      let sum = 0;
      for (let k = 0; k < classes; k++) sum += Math.exp(z[k]! - max);
      for (let k = 0; k < classes; k++) {
        const g = Math.exp(z[k]! - max) / sum - (train.y[i] === k ? 1 : 0);
        gb[k]! += g;
        for (let f = 0; f < d; f++) gw[f * classes + k]! += g * train.x[i * d + f]!;
      }
    }
    const scale = rate / Math.max(train.n, 1);
    for (let j = 0; j < w.length; j++) w[j]! -= scale * (gw[j]! + 1e-3 * w[j]! * train.n);
    for (let k = 0; k < classes; k++) b[k]! -= scale * gb[k]!;
  }
  let correct = 0;
  for (let i = 0; i < val.n; i++) {
    const z = scores(val, i);
    if (z.indexOf(Math.max(...z)) === val.y[i]) correct++;
  }
  return val.n === 0 ? 0 : correct / val.n;
}
