import type { Rng } from '../core/rng';
import type { RawDataset } from './types';

/** Three interleaved spiral arms in the plane, with noise: separable only by a non-linear model. */
export function makeSpiral(rng: Rng, perClass = 200, classes = 3): RawDataset {
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
  return {
    info: {
      id: 'spiral',
      title: 'Spiral (2-D points)',
      kind: 'points',
      input: { height: 1, width: 1, channels: 2 },
      classNames: Array.from({ length: classes }, (_, c) => `arm ${c + 1}`),
      source: 'generated from the seed',
    },
    examples: { x, y, n },
  };
}

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
export function makeShapes(rng: Rng, perClass = 150): RawDataset {
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
  return {
    info: {
      id: 'shapes',
      title: 'Shapes (16 × 16 images)',
      kind: 'image',
      input: { height: SIDE, width: SIDE, channels: 1 },
      classNames: [...SHAPE_NAMES],
      source: 'generated from the seed',
    },
    examples: { x, y, n },
  };
}
