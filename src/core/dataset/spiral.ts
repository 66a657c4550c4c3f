import type { Rng } from '../rng';
import { defineDataset, type GeneratedData } from './entry';

/** Three interleaved spiral arms in the plane, with noise: separable only by a non-linear model. */
export function generateSpiral(rng: Rng, perClass = 200, classes = 3): GeneratedData {
  const n = perClass * classes;
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  let i = 0;
  for (let c = 0; c < classes; c++) {
    for (let k = 0; k < perClass; k++) {
      const r = (k + 1) / perClass;
      const angle = (2 * Math.PI * c) / classes + 1.75 * 2 * Math.PI * r * 0.5 + rng.normal() * 0.18;
      x[2 * i] = r * Math.cos(angle);
      x[2 * i + 1] = r * Math.sin(angle);
      y[i] = c;
      i++;
    }
  }
  return { x, y, n, input: { height: 1, width: 1, channels: 2 }, classNames: Array.from({ length: classes }, (_, c) => `arm ${c + 1}`) };
}

export const spiral = defineDataset({
  id: 'spiral',
  title: 'Spiral (2-D points, 3 classes)',
  blurb: 'Three noisy spiral arms in the plane, generated from the seed.',
  kind: 'points',
  input: { kind: 'flat' },
  source: { kind: 'generated', title: 'Spiral (2-D points)', generate: (rng) => generateSpiral(rng) },
});
