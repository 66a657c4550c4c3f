import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { Nb201Space, type Nb201Genotype } from '../../../src/core/space/nb201';
import { createStrategy } from '../../../src/core/strategy/index';
import { hyperbandSchedule } from '../../../src/core/strategy/hyperband';

describe('Hyperband', () => {
  it("matches the paper's bracket table for R = 81, η = 3", () => {
    const brackets = hyperbandSchedule(81, 3);
    const table = brackets.map((b) => b.map((r) => [r.n, r.r]));
    expect(table).toEqual([
      [
        [81, 1],
        [27, 3],
        [9, 9],
        [3, 27],
        [1, 81],
      ],
      [
        [34, 3],
        [11, 9],
        [3, 27],
        [1, 81],
      ],
      [
        [15, 9],
        [5, 27],
        [1, 81],
      ],
      [
        [8, 27],
        [2, 81],
      ],
      [[5, 81]],
    ]);
  });

  it('gives a single full-budget bracket when R < η', () => {
    expect(hyperbandSchedule(2, 3)).toEqual([[{ n: 1, r: 2 }]]);
  });

  it('promotes the best third of each rung to three times the epochs', () => {
    const space = new Nb201Space();
    const target = space.sample(createRng('hb-target'));
    const score = (g: Nb201Genotype) => g.ops.filter((op, e) => op === target.ops[e]).length / 6;
    const strategy = createStrategy('hyperband', space, 4, { hyperband: { maxResource: 9, eta: 3 } });
    const rungs: Array<{ fidelity: number; encoded: string; reward: number }> = [];
    // R = 9: brackets (9 at 1, 3 at 3, 1 at 9), (5 at 3, 1 at 9), (3 at 9) = 22 trials.
    for (let index = 0; index < 22; index++) {
      const p = strategy.ask();
      const reward = score(p.genotype as Nb201Genotype);
      rungs.push({ fidelity: p.fidelity!, encoded: p.encoded, reward });
      strategy.tell({ index, genotype: p.genotype, encoded: p.encoded, reward });
    }
    expect(rungs.map((r) => Math.round(r.fidelity * 9))).toEqual([...Array(9).fill(1), 3, 3, 3, 9, 3, 3, 3, 3, 3, 9, 9, 9, 9]);
    const first = rungs.slice(0, 9);
    const promoted = rungs
      .slice(9, 12)
      .map((r) => r.encoded)
      .sort();
    const top3 = [...first].sort((a, b) => b.reward - a.reward).slice(0, 3);
    // Ties at the cut may go either way; the promoted ones must score at least the third best.
    for (const e of promoted) expect(first.find((f) => f.encoded === e)!.reward).toBeGreaterThanOrEqual(top3[2]!.reward);
    expect(rungs[12]!.reward).toBe(Math.max(...rungs.slice(9, 12).map((r) => r.reward)));
  });

  it('BOHB proposes from its model once a budget has enough results', () => {
    const space = new Nb201Space();
    const target = space.sample(createRng('bohb-target'));
    const score = (g: Nb201Genotype) => g.ops.filter((op, e) => op === target.ops[e]).length / 6;
    const hits = (id: 'hyperband' | 'bohb') =>
      Array.from({ length: 10 }, (_, seed) => {
        const s = createStrategy(id, space, seed, { hyperband: { maxResource: 9 } });
        let best = 0;
        for (let index = 0; index < 150; index++) {
          const p = s.ask();
          const r = score(p.genotype as Nb201Genotype);
          best = Math.max(best, r);
          s.tell({ index, genotype: p.genotype, encoded: p.encoded, reward: r });
        }
        return best;
      }).reduce((a, b) => a + b, 0);
    expect(hits('bohb')).toBeGreaterThan(hits('hyperband'));
  });
});
