import type { Rng } from '../rng';
import { defineDataset, type GeneratedData } from './entry';

const SHAPE_NAMES = ['square', 'circle', 'triangle', 'cross'] as const;
const SIDE = 16;

function inside(shape: number, px: number, py: number, cx: number, cy: number, r: number): boolean {
  const dx = px - cx;
  const dy = py - cy;
  switch (shape) {
    case 0:
      return Math.abs(dx) <= r && Math.abs(dy) <= r && !(Math.abs(dx) <= r - 1.6 && Math.abs(dy) <= r - 1.6);
    case 1: {
      const d = Math.hypot(dx, dy);
      return d <= r && d >= r - 1.6;
    }
    case 2:
      return dy <= r && dy >= -r && Math.abs(dx) <= (dy + r) / 2;
    default:
      return (Math.abs(dx) <= 0.9 && Math.abs(dy) <= r) || (Math.abs(dy) <= 0.9 && Math.abs(dx) <= r);
  }
}

/** 16 × 16 outlines of squares and circles and filled triangles and crosses at random places and sizes, with noise. */
export function generateShapes(rng: Rng, perClass = 150): GeneratedData {
  const classes = SHAPE_NAMES.length;
  const n = perClass * classes;
  const x = new Float32Array(n * SIDE * SIDE);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const shape = i % classes;
    const r = 3 + rng.next() * 3;
    const cx = r + rng.next() * (SIDE - 1 - 2 * r);
    const cy = r + rng.next() * (SIDE - 1 - 2 * r);
    y[i] = shape;
    for (let py = 0; py < SIDE; py++) {
      for (let px = 0; px < SIDE; px++) {
        const on = inside(shape, px, py, cx, cy, r) ? 1 : 0;
        x[i * SIDE * SIDE + py * SIDE + px] = Math.min(1, Math.max(0, on * 0.85 + rng.normal() * 0.12));
      }
    }
  }
  return { x, y, n, input: { height: SIDE, width: SIDE, channels: 1 }, classNames: [...SHAPE_NAMES] };
}

export const shapes = defineDataset({
  id: 'shapes',
  title: 'Shapes (16×16, 4 classes)',
  blurb: 'Noisy 16 × 16 squares, circles, triangles and crosses at random places and sizes, generated from the seed.',
  kind: 'image',
  input: { kind: 'image', shape: { height: SIDE, width: SIDE, channels: 1 } },
  source: { kind: 'generated', title: 'Shapes (16 × 16 images)', generate: (rng) => generateShapes(rng) },
});
