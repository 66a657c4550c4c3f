import type { Rng } from '../rng';
import { defineDataset, type GeneratedData } from './entry';

/**
 * Two interleaving half circles in the plane with Gaussian noise (scikit-learn's make_moons),
 * centred on the origin: two classes no straight line separates, but a small MLP does.
 */
export function generateMoons(rng: Rng, perClass = 200, noise = 0.15): GeneratedData {
  const n = 2 * perClass;
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const moon = i < perClass ? 0 : 1;
    const t = (Math.PI * (i % perClass)) / (perClass - 1);
    const [px, py] = moon === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    x[2 * i] = px - 0.5 + rng.normal() * noise;
    x[2 * i + 1] = py - 0.25 + rng.normal() * noise;
    y[i] = moon;
  }
  return { x, y, n, input: { height: 1, width: 1, channels: 2 }, classNames: ['upper moon', 'lower moon'] };
}

export const moons = defineDataset({
  id: 'moons',
  title: 'Moons (2-D points, 2 classes)',
  blurb: 'Two interleaving noisy half circles, generated from the seed (as scikit-learn’s make_moons).',
  kind: 'points',
  input: { kind: 'flat' },
  source: { kind: 'generated', title: 'Moons (2-D points)', generate: (rng) => generateMoons(rng) },
});
