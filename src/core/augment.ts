import type { Rng } from './rng';
import type { InputShape } from './space/types';

/** Image augmentation, every draw from the seeded stream (DESIGN: reproducibility). All off by default. */
export interface AugmentSettings {
  /** Mirror left–right with probability ½. */
  flip: boolean;
  /** Pad by this many pixels (zeros), then crop back at a random offset; 0 = off. */
  crop: number;
  /** Rotate by a uniform angle in ±degrees (bilinear, zeros outside); 0 = off. */
  rotate: number;
  /** Add Gaussian noise of this standard deviation; 0 = off. */
  noise: number;
  /** Zero a square of this side at a random centre (it may overhang the border); 0 = off. */
  cutout: number;
  /** Mix each example with another of the batch, λ ~ Beta(α, α), labels mixed alike; 0 = off. */
  mixup: number;
}

export const NO_AUGMENT: AugmentSettings = { flip: false, crop: 0, rotate: 0, noise: 0, cutout: 0, mixup: 0 };

export function augmenting(a: AugmentSettings): boolean {
  return a.flip || a.crop > 0 || a.rotate > 0 || a.noise > 0 || a.cutout > 0 || a.mixup > 0;
}

/** Gamma(k, 1) for k > 0 (Marsaglia–Tsang, with the k < 1 boost). */
function gamma(k: number, rng: Rng): number {
  if (k < 1) return gamma(k + 1, rng) * rng.next() ** (1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function sampleBeta(a: number, rng: Rng): number {
  const x = gamma(a, rng);
  const y = gamma(a, rng);
  return x / (x + y);
}

/** One image (H × W × C at `offset` in `x`), transformed in place. */
function transform(x: Float32Array, offset: number, shape: InputShape, a: AugmentSettings, rng: Rng): void {
  const { height: h, width: w, channels: c } = shape;
  const size = h * w * c;
  const src = x.slice(offset, offset + size);
  const at = (i: number, j: number, k: number) => (i < 0 || j < 0 || i >= h || j >= w ? 0 : src[(i * w + j) * c + k]!);
  const flip = a.flip && rng.next() < 0.5;
  const di = a.crop > 0 ? rng.int(2 * a.crop + 1) - a.crop : 0;
  const dj = a.crop > 0 ? rng.int(2 * a.crop + 1) - a.crop : 0;
  const angle = a.rotate > 0 ? ((rng.next() * 2 - 1) * a.rotate * Math.PI) / 180 : 0;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [ci, cj] = [(h - 1) / 2, (w - 1) / 2];
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      // Output pixel (i, j) reads the source at the inverse of flip ∘ shift ∘ rotation.
      const jj = flip ? w - 1 - j : j;
      const si = i + di;
      const sj = jj + dj;
      for (let k = 0; k < c; k++) {
        let v: number;
        if (angle === 0) v = at(si, sj, k);
        else {
          const yi = cos * (si - ci) + sin * (sj - cj) + ci;
          const xj = -sin * (si - ci) + cos * (sj - cj) + cj;
          const [i0, j0] = [Math.floor(yi), Math.floor(xj)];
          const [fy, fx] = [yi - i0, xj - j0];
          v = (1 - fy) * ((1 - fx) * at(i0, j0, k) + fx * at(i0, j0 + 1, k)) + fy * ((1 - fx) * at(i0 + 1, j0, k) + fx * at(i0 + 1, j0 + 1, k));
        }
        x[offset + (i * w + j) * c + k] = v;
      }
    }
  }
  if (a.cutout > 0) {
    const [mi, mj] = [rng.int(h), rng.int(w)];
    const half = a.cutout / 2;
    for (let i = Math.max(0, Math.ceil(mi - half)); i < Math.min(h, Math.ceil(mi + half)); i++) {
      for (let j = Math.max(0, Math.ceil(mj - half)); j < Math.min(w, Math.ceil(mj + half)); j++) {
        for (let k = 0; k < c; k++) x[offset + (i * w + j) * c + k] = 0;
      }
    }
  }
  if (a.noise > 0) for (let p = 0; p < size; p++) x[offset + p]! += a.noise * rng.normal();
}

/**
 * Augments a batch of images (NHWC, flattened) and returns it with soft labels: one-hot, or mixed
 * by mixup. Geometric steps come first, then cutout and noise, then mixup across the batch.
 */
export function augmentBatch(
  x: Float32Array,
  y: Int32Array,
  n: number,
  shape: InputShape,
  classes: number,
  a: AugmentSettings,
  rng: Rng,
): { x: Float32Array; y: Float32Array } {
  const size = shape.height * shape.width * shape.channels;
  const out = x.slice(0, n * size);
  for (let b = 0; b < n; b++) transform(out, b * size, shape, a, rng);
  const labels = new Float32Array(n * classes);
  for (let b = 0; b < n; b++) labels[b * classes + y[b]!] = 1;
  if (a.mixup > 0 && n > 1) {
    const partner = rng.shuffle(Array.from({ length: n }, (_, i) => i));
    const images = out.slice();
    const soft = labels.slice();
    for (let b = 0; b < n; b++) {
      const lambda = sampleBeta(a.mixup, rng);
      const p = partner[b]!;
      for (let q = 0; q < size; q++) out[b * size + q] = lambda * images[b * size + q]! + (1 - lambda) * images[p * size + q]!;
      for (let k = 0; k < classes; k++) labels[b * classes + k] = lambda * soft[b * classes + k]! + (1 - lambda) * soft[p * classes + k]!;
    }
  }
  return { x: out, y: labels };
}
