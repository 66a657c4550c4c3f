import { describe, expect, it } from 'vitest';
import { generateShapes } from '../../../src/core/dataset/shapes';
import { createRng } from '../../../src/core/rng';

/** Lit pixels of example i in a noise-free set (drawn at 0.85, background 0). */
function lit(x: Float32Array, side: number, i: number): number {
  let on = 0;
  for (let p = 0; p < side * side; p++) if (x[i * side * side + p]! > 0.5) on += 1;
  return on;
}

describe('generated shapes', () => {
  it('draws what it always drew when no option is given', () => {
    const plain = generateShapes(createRng(3).fork('g'), 20);
    const spelled = generateShapes(createRng(3).fork('g'), 20, { classes: 4, noise: 0.12, side: 16 });
    expect(spelled.x).toEqual(plain.x);
    expect(plain.classNames).toEqual(['square', 'circle', 'triangle', 'cross']);
  });

  it('draws eight balanced classes, every shape inside a smaller image', () => {
    for (const side of [16, 12]) {
      const g = generateShapes(createRng(4), 10, { classes: 8, noise: 0, side });
      expect(g.input).toEqual({ height: side, width: side, channels: 1 });
      expect(g.x.length).toBe(80 * side * side);
      expect(new Set(g.classNames).size).toBe(8);
      const perClass = new Array<number>(8).fill(0);
      for (const c of g.y) perClass[c]! += 1;
      expect(perClass).toEqual(new Array<number>(8).fill(10));
      // Without noise every pixel is background or shape, and every example shows some shape.
      expect(g.x.every((v) => v === 0 || Math.abs(v - 0.85) < 1e-6)).toBe(true);
      for (let i = 0; i < g.n; i++) expect(lit(g.x, side, i)).toBeGreaterThan(4);
    }
  });
});
