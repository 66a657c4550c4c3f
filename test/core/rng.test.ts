import { describe, expect, it } from 'vitest';
import { createRng, restoreRng } from '../../src/core/rng';

const draw = (rng: ReturnType<typeof createRng>, n: number) => Array.from({ length: n }, () => rng.next());

describe('seeded PRNG', () => {
  it('gives the same stream for the same seed and different streams for different seeds', () => {
    expect(draw(createRng(42), 50)).toEqual(draw(createRng(42), 50));
    expect(draw(createRng(42), 50)).not.toEqual(draw(createRng(43), 50));
  });

  it('forks by name, independently of how much the parent has drawn', () => {
    const a = createRng(7);
    const b = createRng(7);
    draw(b, 1000);
    expect(draw(a.fork('init'), 20)).toEqual(draw(b.fork('init'), 20));
    expect(draw(a.fork('init'), 20)).not.toEqual(draw(a.fork('data'), 20));
  });

  it('restores from its state and continues the same sequence', () => {
    const rng = createRng('resume');
    draw(rng, 17);
    const copy = restoreRng(JSON.parse(JSON.stringify(rng.state())));
    expect(draw(copy, 30)).toEqual(draw(rng, 30));
  });

  it('draws uniform numbers and integers in range, with sane moments', () => {
    const rng = createRng(1);
    const xs = draw(rng, 20000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[rng.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
    const normals = Array.from({ length: 20000 }, () => rng.normal());
    const m = normals.reduce((a, b) => a + b, 0) / normals.length;
    const v = normals.reduce((a, b) => a + (b - m) ** 2, 0) / normals.length;
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.05);
  });

  it('shuffles into a permutation and rejects bad arguments', () => {
    const rng = createRng(3);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = rng.shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(() => rng.int(0)).toThrow(RangeError);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
