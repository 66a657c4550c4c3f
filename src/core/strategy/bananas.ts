import * as v from 'valibot';
import { createRng, restoreRng, type Rng } from '../rng';
import { int, settingsOf } from '../schema-tools';
import type { SearchSpace } from '../space/types';
import { oneHot } from './encoding';
import { History, neighbourChoices, type Evaluated } from './history';
import { Surrogate } from './surrogate';
import type { BananasView, Explains } from './explain';
import { defineStrategy, type Outcome, type Proposal, type Strategy, type StrategyState } from './types';

export const BANANAS_SETTINGS = v.object({
  /** Random trials before the surrogate is trusted. */
  initial: v.optional(v.pipe(int(2, 1000), v.title('Random trials first')), 10),
});

export interface BananasSettings extends v.InferOutput<typeof BANANAS_SETTINGS> {
  /** How many of the best trials are mutated into candidates. */
  parents: number;
  /** Extra random candidates per ask, for exploration. */
  randomCandidates: number;
}

/** The paper's values, not offered as settings. */
const FIXED = { parents: 10, randomCandidates: 20 };

/**
 * Model-based search in the spirit of BANANAS (White et al. 2021): an ensemble of MLPs predicts
 * the reward of a candidate from its one-hot decisions; candidates are the neighbours of the best
 * trials plus a few random ones; independent Thompson sampling (a draw from each candidate's
 * predicted mean and spread) picks the next one to evaluate.
 */
export class Bananas implements Strategy, Explains {
  readonly id = 'bananas';
  private rng: Rng;
  private readonly history: History;
  private readonly settings: BananasSettings;
  /** The last ask's scored candidates and pick, kept only to explain it. */
  private last: { scored: Array<{ choices: number[]; mean: number; std: number; draw: number }>; chosen: number[] | null } | null = null;

  constructor(
    private readonly space: SearchSpace,
    seed: number,
    settings: Partial<BananasSettings> = {},
    state?: StrategyState,
  ) {
    this.settings = settingsOf<typeof BANANAS_SETTINGS, BananasSettings>(BANANAS_SETTINGS, { ...FIXED, ...settings }, 'BANANAS settings');
    this.rng = state ? restoreRng(state.rng) : createRng(seed).fork('strategy');
    this.history = new History(state ? (state.history as Evaluated[]) : []);
  }

  ask(): Proposal {
    const decisions = this.space.decisions();
    const items = this.history.items;
    if (items.length < this.settings.initial) {
      const genotype = this.space.sample(this.rng);
      this.last = { scored: [], chosen: null };
      return { genotype, encoded: this.space.encode(genotype), origin: 'random (start-up)' };
    }
    const options = decisions.map((d) => d.options.length);
    const candidates: number[][] = [];
    for (const parent of this.history.best(this.settings.parents)) candidates.push(...neighbourChoices(parent.choices, options));
    for (let i = 0; i < this.settings.randomCandidates; i++) candidates.push(this.space.toDecisions(this.space.sample(this.rng)));
    const fresh = candidates.filter((c) => !this.history.has(c));
    if (fresh.length === 0) {
      const genotype = this.space.sample(this.rng);
      this.last = { scored: [], chosen: null };
      return { genotype, encoded: this.space.encode(genotype), origin: 'random (no unseen candidate)' };
    }
    const model = Surrogate.fit(
      items.map((e) => oneHot(decisions, e.choices)),
      items.map((e) => e.reward),
      createRng(`${this.rng.state().key}/fit-${items.length}`),
    );
    let best = fresh[0]!;
    let bestDraw = -Infinity;
    const scored: Array<{ choices: number[]; mean: number; std: number; draw: number }> = [];
    for (const c of fresh) {
      const { mean, std } = model.predict(oneHot(decisions, c));
      const draw = mean + std * this.rng.normal();
      scored.push({ choices: c, mean, std, draw });
      if (draw > bestDraw) {
        bestDraw = draw;
        best = c;
      }
    }
    this.last = { scored, chosen: best };
    const genotype = this.space.fromDecisions(best);
    return { genotype, encoded: this.space.encode(genotype), origin: `surrogate pick (predicted ${(bestDraw * 100).toFixed(1)}%)` };
  }

  tell(outcome: Outcome): void {
    this.history.add(this.space, outcome);
  }

  explain(phase: 'propose' | 'update'): BananasView | null {
    if (!this.last || phase !== 'propose') return null;
    const encode = (choices: number[]) => this.space.encode(this.space.fromDecisions(choices));
    const top = [...this.last.scored].sort((a, b) => b.draw - a.draw).slice(0, 8);
    return {
      kind: 'bananas',
      startUp: this.last.chosen === null,
      scored: this.last.scored.length,
      top: top.map((c) => ({ encoded: encode(c.choices), mean: c.mean, std: c.std, draw: c.draw })),
      chosen: this.last.chosen && encode(this.last.chosen),
    };
  }

  state(): StrategyState {
    return { kind: this.id, rng: this.rng.state(), history: this.history.toJSON() };
  }
}

export const bananas = defineStrategy({
  id: 'bananas',
  name: 'BANANAS',
  title: 'BANANAS (surrogate ensemble)',
  blurb:
    'Fits an ensemble of small neural networks to the results so far, then evaluates the candidate whose sampled prediction is highest (White et al. 2021).',
  color: '#ca8a04',
  settings: { key: 'bananas', schema: BANANAS_SETTINGS },
  control: 'initial',
  startUp: (settings) => settings.initial,
  create: (space, seed, settings: Partial<BananasSettings>, state) => new Bananas(space, seed, settings, state),
});
