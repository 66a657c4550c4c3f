import type { Rng } from '../core/rng';
import type { Split } from './train';
import { Mlp } from './mlp';

/**
 * A class-conditional GAN (Mirza & Osindero 2014) of two small perceptrons: the generator reads
 * noise with the class one-hot concatenated, the discriminator an example with the same one-hot.
 * Non-saturating losses and Adam with β1 0.5, as DCGAN (Radford et al. 2016). Examples are
 * mapped to [-1, 1] by the training split's range (the generator ends in tanh) and back.
 */
export interface GanSettings {
  steps: number;
  batch: number;
  hidden: number;
  noise: number;
  learningRate: number;
  beta1: number;
}

// DCGAN's rate, 2e-4, left this small generator unconditioned after 1500 steps (every class's samples nearest
// the mean of one class on digits); ten times it, with DCGAN's β1, conditions it within seconds.
export const GAN_SETTINGS: GanSettings = { steps: 1200, batch: 32, hidden: 64, noise: 16, learningRate: 2e-3, beta1: 0.5 };

/** The discriminator's view every `every` steps: mean losses and its accuracy on real and on generated examples. */
export interface GanPoint {
  step: number;
  dLoss: number;
  gLoss: number;
  realAccuracy: number;
  fakeAccuracy: number;
}

export interface TrainedGan {
  /** `counts[k]` examples of class k, in class order. */
  sample(counts: readonly number[], rng: Rng): Split;
  history: GanPoint[];
}

const softplus = (l: number) => (l > 0 ? l + Math.log1p(Math.exp(-l)) : Math.log1p(Math.exp(l)));
const sigmoid = (l: number) => 1 / (1 + Math.exp(-l));

/** [row | one-hot of label] for each row. */
function withLabels(x: Float32Array, labels: ArrayLike<number>, size: number, classes: number): Float32Array {
  const rows = labels.length;
  const out = new Float32Array(rows * (size + classes));
  for (let r = 0; r < rows; r++) {
    out.set(x.subarray(r * size, (r + 1) * size), r * (size + classes));
    out[r * (size + classes) + size + labels[r]!] = 1;
  }
  return out;
}

function noise(rows: number, width: number, rng: Rng): Float32Array {
  return Float32Array.from({ length: rows * width }, () => rng.normal());
}

/** The input-gradient's example part, without the one-hot columns. */
function examplePart(d: Float32Array, rows: number, size: number, classes: number): Float32Array {
  const out = new Float32Array(rows * size);
  for (let r = 0; r < rows; r++) out.set(d.subarray(r * (size + classes), r * (size + classes) + size), r * size);
  return out;
}

/** Trains on `train` (the training split only) for a fixed number of steps; `rng` gives every random draw. */
export function trainGan(train: Split, size: number, classes: number, rng: Rng, settings: GanSettings = GAN_SETTINGS, every = 50): TrainedGan {
  const { steps, batch, hidden, noise: z, learningRate, beta1 } = settings;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < train.n * size; i++) {
    lo = Math.min(lo, train.x[i]!);
    hi = Math.max(hi, train.x[i]!);
  }
  const span = hi > lo ? hi - lo : 1;
  const scaled = new Float32Array(train.n * size);
  for (let i = 0; i < scaled.length; i++) scaled[i] = ((train.x[i]! - lo) / span) * 2 - 1;
  const g = new Mlp(z + classes, hidden, size, true, rng.fork('generator'));
  const d = new Mlp(size + classes, hidden, 1, false, rng.fork('discriminator'));
  const draw = rng.fork('batches');
  const history: GanPoint[] = [];
  let sums = { d: 0, g: 0, real: 0, fake: 0, n: 0 };
  const generate = (labels: Int32Array) => g.forward(withLabels(noise(labels.length, z, draw), labels, z, classes), labels.length);
  for (let step = 1; step <= steps; step++) {
    const picks = Array.from({ length: batch }, () => draw.int(train.n));
    const labels = Int32Array.from(picks, (i) => train.y[i]!);
    const real = new Float32Array(batch * size);
    picks.forEach((i, r) => real.set(scaled.subarray(i * size, (i + 1) * size), r * size));
    // Discriminator: real → 1, generated → 0.
    const fake = generate(labels);
    const lr = d.forward(withLabels(real, labels, size, classes), batch);
    d.backward(Float32Array.from(lr, (l) => (sigmoid(l) - 1) / batch));
    const realLogits = Float32Array.from(lr);
    const lf = d.forward(withLabels(fake, labels, size, classes), batch);
    d.backward(Float32Array.from(lf, (l) => sigmoid(l) / batch));
    for (let r = 0; r < batch; r++) {
      sums.d += (softplus(-realLogits[r]!) + softplus(lf[r]!)) / batch;
      sums.real += realLogits[r]! > 0 ? 1 / batch : 0;
      sums.fake += lf[r]! < 0 ? 1 / batch : 0;
    }
    d.adam(learningRate, beta1);
    // Generator, non-saturating: make the discriminator call its examples real.
    const out = generate(labels);
    const l = d.forward(withLabels(out, labels, size, classes), batch);
    const dIn = d.backward(Float32Array.from(l, (v) => (sigmoid(v) - 1) / batch));
    d.zeroGrad();
    g.backward(examplePart(dIn, batch, size, classes));
    g.adam(learningRate, beta1);
    for (let r = 0; r < batch; r++) sums.g += softplus(-l[r]!) / batch;
    sums.n += 1;
    if (step % every === 0 || step === steps) {
      const n = sums.n;
      history.push({ step, dLoss: sums.d / n, gLoss: sums.g / n, realAccuracy: sums.real / n, fakeAccuracy: sums.fake / n });
      sums = { d: 0, g: 0, real: 0, fake: 0, n: 0 };
    }
  }
  return {
    history,
    sample(counts, sampleRng) {
      const labels = Int32Array.from(counts.flatMap((c, k) => Array.from({ length: c }, () => k)));
      const x = new Float32Array(labels.length * size);
      for (let at = 0; at < labels.length; at += 256) {
        const part = labels.subarray(at, Math.min(labels.length, at + 256));
        const out = g.forward(withLabels(noise(part.length, z, sampleRng), part, z, classes), part.length);
        for (let i = 0; i < out.length; i++) x[at * size + i] = ((out[i]! + 1) / 2) * span + lo;
      }
      return { x, y: labels, n: labels.length };
    },
  };
}
