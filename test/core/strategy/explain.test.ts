import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { Nb201Space, type Nb201Genotype } from '../../../src/core/space/nb201';
import { softmax } from '../../../src/core/strategy/categorical';
import { explains, type BananasView, type EvolutionView, type HyperbandView, type ReinforceView, type TpeView } from '../../../src/core/strategy/explain';
import { hyperbandSchedule } from '../../../src/core/strategy/hyperband';
import { createStrategy, type Strategy, type StrategyId } from '../../../src/core/strategy/index';

const space = new Nb201Space();
const target = space.sample(createRng('explain-target'));
const score = (g: Nb201Genotype) => g.ops.filter((op, e) => op === target.ops[e]).length / g.ops.length;

/** Runs `trials` ask/tell rounds, handing each round's views (after ask, after tell) to `look`. */
function drive(strategy: Strategy, trials: number, look: (index: number, propose: unknown, update: unknown) => void = () => {}): string[] {
  if (!explains(strategy)) throw new Error(`${strategy.id} has no explain hook`);
  const proposed: string[] = [];
  for (let index = 0; index < trials; index++) {
    const p = strategy.ask();
    proposed.push(p.encoded);
    const propose = strategy.explain('propose');
    strategy.tell({ index, genotype: p.genotype, encoded: p.encoded, reward: score(p.genotype as Nb201Genotype) });
    look(index, propose, strategy.explain('update'));
  }
  return proposed;
}

/** BANANAS fits a surrogate per ask: fewer rounds keep the test quick. */
const trialsOf = (id: StrategyId) => (id === 'bananas' ? 16 : 40);

describe('strategies explain themselves for the step-through', () => {
  it('asking for explanations changes nothing the strategy proposes', () => {
    for (const id of ['evolution', 'reinforce', 'tpe', 'bananas', 'hyperband', 'bohb'] as StrategyId[]) {
      const quiet = createStrategy(id, space, 7);
      const loud = createStrategy(id, space, 7);
      const a: string[] = [];
      for (let index = 0; index < trialsOf(id); index++) {
        const p = quiet.ask();
        a.push(p.encoded);
        quiet.tell({ index, genotype: p.genotype, encoded: p.encoded, reward: score(p.genotype as Nb201Genotype) });
      }
      expect(drive(loud, trialsOf(id)), id).toEqual(a);
      expect(loud.state(), id).toEqual(quiet.state());
    }
  });

  it('evolution: the population is its state, the parent is the best of the sample, the mutated decision is the one that differs', () => {
    const evolution = createStrategy('evolution', space, 3, { evolution: { population: 6, sample: 3 } });
    let mutations = 0;
    drive(evolution, 30, (index, p, u) => {
      const propose = p as EvolutionView;
      const update = u as EvolutionView;
      const state = evolution.state() as unknown as { population: Array<{ index: number; reward: number; encoded: string }> };
      expect(update.population).toEqual(state.population.map(({ index, encoded, reward }) => ({ index, encoded, reward })));
      if (index < 6) {
        expect(propose.parent).toBeNull();
        expect(propose.sample).toEqual([]);
        expect(update.retired).toBeNull();
        return;
      }
      mutations++;
      expect(propose.sample).toHaveLength(3);
      expect(propose.sample).toContain(propose.parent);
      const reward = (i: number) => propose.population.find((m) => m.index === i)!.reward;
      for (const i of propose.sample) expect(reward(i)).toBeLessThanOrEqual(reward(propose.parent!));
      // The child differs from its parent in exactly the decisions named.
      const parent = space.toDecisions(space.decode(propose.population.find((m) => m.index === propose.parent)!.encoded));
      const child = space.toDecisions(space.decode(state.population.at(-1)!.encoded));
      const differ = child.map((c, k) => (c !== parent[k] ? k : -1)).filter((k) => k >= 0);
      expect(propose.mutated.map((m) => m.decision)).toEqual(differ);
      expect(propose.mutated.length).toBeGreaterThan(0);
      expect(update.retired).toBe(index - 6);
    });
    expect(mutations).toBe(24);
  });

  it('REINFORCE: probabilities before and after differ by the update, which follows the reward and the baseline', () => {
    const reinforce = createStrategy('reinforce', space, 5);
    drive(reinforce, 12, (index, p, u) => {
      const propose = p as ReinforceView;
      const update = u as ReinforceView;
      expect(propose.after).toBeNull();
      expect(update.before).toEqual(propose.before);
      expect(update.chosen).toEqual(propose.chosen);
      const state = reinforce.state() as unknown as { logits: number[][]; baseline: number };
      expect(update.after).toEqual(state.logits.map(softmax));
      expect(update.baselineAfter).toBe(state.baseline);
      if (index === 0) {
        expect(update.baseline).toBeNull();
        expect(update.advantage).toBe(0);
        return;
      }
      expect(update.advantage).toBeCloseTo(update.reward! - update.baseline!, 12);
      // A chosen option moves the way the advantage points (the entropy bonus is tiny beside it).
      if (Math.abs(update.advantage!) > 0.05)
        update.chosen.forEach((c, k) => expect(Math.sign(update.after![k]![c]! - update.before[k]![c]!)).toBe(Math.sign(update.advantage!)));
      // The probabilities did change, and each row still sums to 1.
      expect(update.after).not.toEqual(update.before);
      for (const row of update.after!) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    });
  });

  it('TPE: good and bad groups split the history by reward, and l(x), g(x) are their smoothed frequencies', () => {
    const tpe = createStrategy('tpe', space, 9, { tpe: { initial: 5 } });
    const rewards: number[] = [];
    drive(tpe, 20, (index, p) => {
      const propose = p as TpeView;
      const seen = rewards.slice();
      rewards.push((tpe.state() as unknown as { history: Array<{ reward: number }> }).history.at(-1)!.reward);
      expect(propose.startUp).toBe(index < 5);
      if (propose.startUp) return;
      expect([...propose.good, ...propose.bad].sort((a, b) => a - b)).toEqual(seen.map((_, i) => i));
      expect(propose.good).toHaveLength(Math.ceil(0.25 * seen.length));
      const worstGood = Math.min(...propose.good.map((i) => seen[i]!));
      for (const i of propose.bad) expect(seen[i]!).toBeLessThanOrEqual(worstGood);
      // l(x) of an option: (1 + how many good trials chose it) / (options + good trials).
      const history = (tpe.state() as unknown as { history: Array<{ choices: number[] }> }).history;
      propose.decisions.forEach((d, k) => {
        d.options.forEach((o, c) => {
          const count = propose.good.filter((i) => history[i]!.choices[k] === c).length;
          expect(o.l).toBeCloseTo((1 + count) / (d.options.length + propose.good.length), 12);
        });
        expect(d.chosen).toBe(history.at(-1)!.choices[k]);
      });
    });
  });

  it('BANANAS: the candidate chosen has the highest Thompson draw of those scored, each with a predicted mean and spread', () => {
    const bananas = createStrategy('bananas', space, 4, { bananas: { initial: 4 } });
    drive(bananas, 7, (index, p, u) => {
      const propose = p as BananasView;
      expect(u).toBeNull();
      expect(propose.startUp).toBe(index < 4);
      if (propose.startUp) return expect(propose.top).toEqual([]);
      expect(propose.scored).toBeGreaterThan(8);
      expect(propose.top).toHaveLength(8);
      expect(propose.top[0]!.encoded).toBe(propose.chosen);
      const state = bananas.state() as unknown as { history: Array<{ choices: number[] }> };
      expect(propose.chosen).toBe(space.encode(space.fromDecisions(state.history.at(-1)!.choices)));
      for (let i = 1; i < propose.top.length; i++) expect(propose.top[i]!.draw).toBeLessThanOrEqual(propose.top[i - 1]!.draw);
      for (const c of propose.top) expect(c.std).toBeGreaterThanOrEqual(0);
    });
  });

  it('Hyperband: the brackets are its schedule, and a finished rung promotes its best 1/η', () => {
    const hyperband = createStrategy('hyperband', space, 2, { hyperband: { eta: 3 } }, undefined, { epochs: 9 });
    const schedule = hyperbandSchedule(9, 3);
    let promotions = 0;
    const rewards = new Map<string, number>();
    drive(hyperband, 30, (_, p, u) => {
      const propose = p as HyperbandView;
      const update = u as HyperbandView;
      expect(propose.brackets.map((b) => b.map((r) => r.n))).toEqual(schedule.map((b) => b.map((r) => r.n)));
      for (const c of propose.configs) if (c.reward !== null) rewards.set(c.encoded, c.reward);
      if (!update.promoted) return;
      promotions++;
      const finished = propose.configs.map((c) => c.encoded);
      const last = (hyperband.state() as unknown as { observations: Array<{ reward: number }> }).observations.at(-1)!.reward;
      const score = (e: string) => (e === finished.at(-1) ? last : rewards.get(e)!);
      expect(update.promoted).toHaveLength(schedule[propose.bracket]![propose.rung + 1]!.n);
      const cut = Math.min(...update.promoted.map(score));
      for (const e of finished.filter((e) => !update.promoted!.includes(e))) expect(score(e)).toBeLessThanOrEqual(cut);
      expect(update.rung).toBe(propose.rung + 1);
      expect(update.configs.map((c) => c.encoded)).toEqual(update.promoted);
    });
    expect(promotions).toBeGreaterThan(0);
  });
});
