import type { Rng } from '../rng';
import { defineDataset, type GeneratedData } from './entry';

const SHAPE_NAMES = ['square', 'circle', 'triangle', 'cross'] as const;
/** Four more, for a harder task in the ranking benches: each is close to one of the first four. */
const MORE_SHAPE_NAMES = ['filled square', 'disc', 'upside-down triangle', 'diagonal cross'] as const;
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
    case 3:
      return (Math.abs(dx) <= 0.9 && Math.abs(dy) <= r) || (Math.abs(dy) <= 0.9 && Math.abs(dx) <= r);
    case 4:
      return Math.abs(dx) <= r && Math.abs(dy) <= r;
    case 5:
      return Math.hypot(dx, dy) <= r;
    case 6:
      return dy <= r && dy >= -r && Math.abs(dx) <= (r - dy) / 2;
    default:
      // The cross turned 45°: its bars are as wide as the upright cross's.
      return Math.abs(dx) <= r * Math.SQRT1_2 && (Math.abs(dx - dy) <= 1.27 || Math.abs(dx + dy) <= 1.27);
  }
}

export interface ShapesOptions {
  /** 4 (outlines of squares and circles, filled triangles and crosses) or 8 (those and a near twin of each). */
  classes?: 4 | 8;
  /** Standard deviation of the Gaussian noise on every pixel (0.12). */
  noise?: number;
  /** Side of the square image in pixels (16); the shapes scale with it. */
  side?: number;
}

/**
 * 16 × 16 outlines of squares and circles and filled triangles and crosses at random places and
 * sizes, with noise. The options make the task harder for the ranking benches; without them it
 * draws exactly what it always drew.
 */
export function generateShapes(rng: Rng, perClass = 150, options: ShapesOptions = {}): GeneratedData {
  const { classes = 4, noise = 0.12, side = SIDE } = options;
  const scale = side / SIDE;
  const n = perClass * classes;
  const x = new Float32Array(n * side * side);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const shape = i % classes;
    const r = (3 + rng.next() * 3) * scale;
    const cx = r + rng.next() * (side - 1 - 2 * r);
    const cy = r + rng.next() * (side - 1 - 2 * r);
    y[i] = shape;
    for (let py = 0; py < side; py++) {
      for (let px = 0; px < side; px++) {
        const on = inside(shape, px, py, cx, cy, r) ? 1 : 0;
        x[i * side * side + py * side + px] = Math.min(1, Math.max(0, on * 0.85 + rng.normal() * noise));
      }
    }
  }
  const classNames = classes === 8 ? [...SHAPE_NAMES, ...MORE_SHAPE_NAMES] : [...SHAPE_NAMES];
  return { x, y, n, input: { height: side, width: side, channels: 1 }, classNames };
}

export const shapes = defineDataset({
  id: 'shapes',
  title: 'Shapes (16×16, 4 classes)',
  blurb: 'Noisy 16 × 16 squares, circles, triangles and crosses at random places and sizes, generated from the seed.',
  kind: 'image',
  input: { kind: 'image', shape: { height: SIDE, width: SIDE, channels: 1 } },
  source: { kind: 'generated', title: 'Shapes (16 × 16 images)', generate: (rng) => generateShapes(rng) },
});
