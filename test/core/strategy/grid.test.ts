import { describe, expect, it } from 'vitest';
import { ChainSpace } from '../../../src/core/space/chain';
import { createSpace } from '../../../src/core/space/index';
import { Nb201Space } from '../../../src/core/space/nb201';
import type { SearchSpace } from '../../../src/core/space/types';
import { DEFAULT_HP_GRID, WithHyperparameters } from '../../../src/core/space/with-hyperparameters';
import { createStrategy, type Strategy } from '../../../src/core/strategy/index';

function run(strategy: Strategy, n: number): Array<{ encoded: string; genotype: unknown; origin: string }> {
  return Array.from({ length: n }, (_, index) => {
    const p = strategy.ask();
    strategy.tell({ index, genotype: p.genotype, encoded: p.encoded, reward: 0 });
    return p;
  });
}

/** Which options of each decision the proposals used. */
function covered(space: SearchSpace, proposals: Array<{ genotype: unknown }>): Array<Set<number>> {
  const seen = space.decisions().map(() => new Set<number>());
  for (const p of proposals) space.toDecisions(p.genotype).forEach((c, i) => seen[i]!.add(c));
  return seen;
}

describe('grid search', () => {
  it.each([1, 2, 7, 42])('covers every option of every decision within max(options) trials on NB201 (seed %i)', (seed) => {
    const space = new Nb201Space();
    const max = Math.max(...space.decisions().map((d) => d.options.length));
    const seen = covered(space, run(createStrategy('grid', space, seed), max));
    seen.forEach((options, i) => expect(options.size, space.decisions()[i]!.name).toBe(space.decisions()[i]!.options.length));
  });

  it('covers them within max(options) trials when decisions differ in size, HPO decisions included', () => {
    const space = new WithHyperparameters(new ChainSpace({ depth: 3, widths: [8, 16] }), DEFAULT_HP_GRID) as SearchSpace;
    const max = Math.max(...space.decisions().map((d) => d.options.length));
    const seen = covered(space, run(createStrategy('grid', space, 3), max));
    seen.forEach((options, i) => expect(options.size).toBe(space.decisions()[i]!.options.length));
  });

  it('exhausts a small grid without repeats, then says so and starts over', () => {
    const space = new ChainSpace({ depth: 2, widths: [8] });
    const size = space.size();
    const proposals = run(createStrategy('grid', space, 5), size + 3);
    const first = proposals.slice(0, size).map((p) => p.encoded);
    expect(new Set(first).size).toBe(size);
    expect(proposals[0]!.origin).toBe(`grid point 1 of ${size}`);
    expect(proposals.slice(size).map((p) => p.encoded)).toEqual(first.slice(0, 3));
    expect(proposals[size]!.origin).toMatch(/pass 2 \(the grid was exhausted\)/);
  });

  it('is the same for a seed, and another seed starts elsewhere', () => {
    const space = createSpace('nb201');
    const a = run(createStrategy('grid', space, 9), 30).map((p) => p.encoded);
    expect(run(createStrategy('grid', space, 9), 30).map((p) => p.encoded)).toEqual(a);
    expect(run(createStrategy('grid', space, 10), 30).map((p) => p.encoded)).not.toEqual(a);
  });

  it('resumes from its serialised state exactly', () => {
    const space = new Nb201Space();
    const whole = run(createStrategy('grid', space, 4), 40).map((p) => p.encoded);
    const first = createStrategy('grid', space, 4);
    run(first, 17);
    const saved = JSON.parse(JSON.stringify(first.state()));
    const resumed = createStrategy('grid', space, 4, {}, saved);
    expect([...whole.slice(0, 17), ...run(resumed, 23).map((p) => p.encoded)]).toEqual(whole);
  });
});
