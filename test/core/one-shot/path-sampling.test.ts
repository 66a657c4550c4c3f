import { describe, expect, it } from 'vitest';
import { fairSampler, pathSampler } from '../../../src/core/one-shot/path-sampling';
import { createRng } from '../../../src/core/rng';
import { CellSpace } from '../../../src/core/space/cell';
import { MnasSpace } from '../../../src/core/space/mnas';
import { Nb201Space } from '../../../src/core/space/nb201';
import type { SearchSpace } from '../../../src/core/space/types';

const draw = (space: SearchSpace, kind: 'uniform' | 'fair', seed: string, n: number) => {
  const next = pathSampler(kind, space, createRng(seed));
  return Array.from({ length: n }, () => space.toDecisions(next()));
};

describe('fair path sampling (FairNAS)', () => {
  it('trains every op of every NAS-Bench-201 edge exactly once per group of five steps', () => {
    const space = new Nb201Space();
    const widths = space.decisions().map((d) => d.options.length);
    expect(new Set(widths)).toEqual(new Set([5]));
    const paths = draw(space, 'fair', 'fair', 5 * 6);
    for (let g = 0; g < 6; g++) {
      const group = paths.slice(g * 5, g * 5 + 5);
      for (let d = 0; d < widths.length; d++) expect(group.map((p) => p[d]).sort()).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('shuffles the order per edge and per group rather than stepping through the ops in a fixed order', () => {
    const paths = draw(new Nb201Space(), 'fair', 'order', 50);
    expect(new Set(paths.map((p) => p.join(''))).size).toBeGreaterThan(40);
    expect(new Set(paths.slice(0, 5).map((p) => p[0]))).toHaveProperty('size', 5);
    expect(paths.slice(0, 5).map((p) => p[0])).not.toEqual(paths.slice(0, 5).map((p) => p[1]));
  });

  it('is deterministic under the seed, and another seed draws another sequence', () => {
    const space = new Nb201Space();
    expect(draw(space, 'fair', 'a', 20)).toEqual(draw(space, 'fair', 'a', 20));
    expect(draw(space, 'fair', 'a', 20)).not.toEqual(draw(space, 'fair', 'b', 20));
  });

  it('gives a decision narrower than the group each option at most once more than another', () => {
    // The resolution trellis is left out: its fromDecisions repairs moves that leave the trellis, so its choices are not free.
    for (const space of [new CellSpace(), new MnasSpace()] as SearchSpace[]) {
      const widths = space.decisions().map((d) => d.options.length);
      const group = Math.max(...widths);
      const next = fairSampler(space, createRng(space.id));
      const paths = Array.from({ length: group }, () => space.toDecisions(next()));
      widths.forEach((w, d) => {
        const counts = new Array<number>(w).fill(0);
        for (const p of paths) counts[p[d]!]! += 1;
        expect(Math.max(...counts) - Math.min(...counts), `${space.id} decision ${d}`).toBeLessThanOrEqual(1);
      });
    }
  });
});

describe('uniform path sampling', () => {
  it('draws exactly what space.sample draws from the same stream, as SPOS always has', () => {
    const space = new Nb201Space();
    const rng = createRng('u');
    const expected = Array.from({ length: 10 }, () => space.toDecisions(space.sample(rng)));
    expect(draw(space, 'uniform', 'u', 10)).toEqual(expected);
  });
});
