import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { Nb201Space, type Nb201Genotype } from '../../../src/core/space/nb201';
import { ChainSpace } from '../../../src/core/space/chain';
import { createStrategy, STRATEGY_IDS, type StrategyId } from '../../../src/core/strategy/index';

const space = new Nb201Space();

/** A synthetic objective with one known optimum: the share of edges that match a target cell. */
function objective(target: Nb201Genotype) {
  return (g: Nb201Genotype) => g.ops.filter((op, e) => op === target.ops[e]).length / g.ops.length;
}

function bestAfter(id: StrategyId, seed: number, budget: number): number {
  const target = space.sample(createRng(`target-${seed}`));
  const score = objective(target);
  const strategy = createStrategy(id, space, seed);
  let best = 0;
  for (let index = 0; index < budget; index++) {
    const p = strategy.ask();
    const reward = score(p.genotype as Nb201Genotype);
    best = Math.max(best, reward);
    strategy.tell({ index, genotype: p.genotype, encoded: p.encoded, reward });
  }
  return best;
}

describe('search strategies', () => {
  it('regularised evolution finds the optimum far more often than random search at the same budget', () => {
    const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
    const hits = (id: StrategyId) => seeds.filter((s) => bestAfter(id, s, 150) === 1).length;
    const evolution = hits('evolution');
    const random = hits('random');
    // Random search hits a given cell in 150 draws with probability ~1 %: over 40 seeds it
    // expects 0.4 hits; evolution climbs one edge at a time.
    expect(random).toBeLessThanOrEqual(3);
    // Were evolution no better than random, 10 or more hits out of 40 would have odds below 1e-12.
    expect(evolution).toBeGreaterThanOrEqual(10);
  });

  it.each(['reinforce', 'reinforce-lstm', 'bananas', 'pnas', 'tpe'] as const)(
    '%s finds the optimum far more often than random search at the same budget',
    (id) => {
      const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
      const hits = (sid: StrategyId) => seeds.filter((s) => bestAfter(sid, s, 100) === 1).length;
      // Random search hits one cell of 15 625 in 100 draws with probability 0.64 %: three or more
      // hits of 20 would have odds of 3e-4, ten or more of 1e-19.
      expect(hits('random')).toBeLessThanOrEqual(2);
      expect(hits(id)).toBeGreaterThanOrEqual(10);
    },
  );

  it.each(STRATEGY_IDS)('%s resumes from its serialised state exactly', (id) => {
    const score = objective(space.sample(createRng('resume-target')));
    const run = createStrategy(id, space, 11);
    const tellAll = (s: ReturnType<typeof createStrategy>, from: number, n: number) => {
      const asked: string[] = [];
      for (let index = from; index < from + n; index++) {
        const p = s.ask();
        asked.push(p.encoded);
        s.tell({ index, genotype: p.genotype, encoded: p.encoded, reward: score(p.genotype as Nb201Genotype) });
      }
      return asked;
    };
    tellAll(run, 0, 15);
    const saved = JSON.parse(JSON.stringify(run.state()));
    const resumed = createStrategy(id, space, 11, {}, saved);
    expect(tellAll(resumed, 15, 12)).toEqual(tellAll(run, 15, 12));
  });

  it('random search avoids repeats while the space has unseen genotypes', () => {
    const small = new ChainSpace({ depth: 1, widths: [8] });
    const strategy = createStrategy('random', small, 3);
    const asked = Array.from({ length: small.size() }, (_, index) => {
      const p = strategy.ask();
      strategy.tell({ index, genotype: p.genotype, encoded: p.encoded, reward: 0 });
      return p.encoded;
    });
    expect(new Set(asked).size).toBeGreaterThanOrEqual(small.size() - 1);
  });

  it('evolution only mutates once its population is full, and says whose child each is', () => {
    const strategy = createStrategy('evolution', space, 5, { evolution: { population: 4, sample: 2 } });
    const origins: string[] = [];
    for (let index = 0; index < 8; index++) {
      const p = strategy.ask();
      origins.push(p.origin);
      strategy.tell({ index, genotype: p.genotype, encoded: p.encoded, reward: index / 10 });
    }
    expect(origins.slice(0, 4).every((o) => o.startsWith('random'))).toBe(true);
    expect(origins.slice(4).every((o) => /^mutation of #\d+$/.test(o))).toBe(true);
  });
});
