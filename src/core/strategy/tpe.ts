import * as v from 'valibot';
import { createRng, restoreRng, type Rng } from '../rng';
import { int, settingsOf } from '../schema-tools';
import type { SearchSpace } from '../space/types';
import { sampleIndex } from './categorical';
import { History, type Evaluated } from './history';
import type { Explains, TpeView } from './explain';
import { defineStrategy, type Outcome, type Proposal, type Strategy, type StrategyState } from './types';

export const TPE_SETTINGS = v.object({
  /** Random trials before the density models take over. */
  initial: v.optional(v.pipe(int(1, 1000), v.title('Random trials first')), 10),
});

export interface TpeSettings extends v.InferOutput<typeof TPE_SETTINGS> {
  /** Share of trials counted as "good". */
  gamma: number;
  /** Candidates drawn from the good density per ask. */
  candidates: number;
}

/** The paper's values, not offered as settings. */
const FIXED = { gamma: 0.25, candidates: 24 };

/** TPE's model of `items`: the good (top `gamma`) and bad groups, as positions in `items`, and the smoothed per-decision densities of each. */
export function tpeModel(options: readonly number[], items: readonly Evaluated[], gamma: number) {
  // Positions sorted by reward, best first; the sort is stable, so ties keep their order.
  const order = items.map((_, i) => i).sort((a, b) => items[b]!.reward - items[a]!.reward);
  const nGood = Math.max(1, Math.ceil(gamma * items.length));
  const density = (group: number[]) =>
    options.map((count, k) => {
      const freq = new Array<number>(count).fill(1); // a uniform prior of one pseudo-count per option
      for (const i of group) freq[items[i]!.choices[k]!]! += 1;
      const total = freq.reduce((a, b) => a + b, 0);
      return freq.map((f) => f / total);
    });
  const goodGroup = order.slice(0, nGood);
  const badGroup = order.slice(nGood);
  return { goodGroup, badGroup, good: density(goodGroup), bad: density(badGroup) };
}

/**
 * One TPE proposal from `items`: split by the reward quantile `gamma`, fit smoothed per-decision
 * frequencies to the good and the bad, draw candidates from the good and return the one with the
 * highest l(x)/g(x) that `seen` does not know, or null when every draw was seen.
 */
export function proposeByTpe(
  options: readonly number[],
  items: readonly Evaluated[],
  rng: Rng,
  seen: (choices: number[]) => boolean,
  settings: Pick<TpeSettings, 'gamma' | 'candidates'>,
): number[] | null {
  const { good, bad } = tpeModel(options, items, settings.gamma);
  let best: { choices: number[]; score: number } | null = null;
  for (let i = 0; i < settings.candidates; i++) {
    const choices = good.map((p) => sampleIndex(p, rng));
    if (seen(choices)) continue;
    const score = choices.reduce((sum, c, k) => sum + Math.log(good[k]![c]!) - Math.log(bad[k]![c]!), 0);
    if (!best || score > best.score) best = { choices, score };
  }
  return best?.choices ?? null;
}

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011) over categorical decisions: split the
 * history into good and bad by a reward quantile, model each decision's options under both with
 * smoothed frequencies, draw candidates from the good model and keep the one with the highest
 * l(x)/g(x).
 */
export class Tpe implements Strategy, Explains {
  readonly id = 'tpe';
  private rng: Rng;
  private readonly history: History;
  private readonly settings: TpeSettings;
  /** The history's length and the choices at the last ask, kept only to explain it. */
  private last: { seen: number; choices: number[]; startUp: boolean } | null = null;

  constructor(
    private readonly space: SearchSpace,
    seed: number,
    settings: Partial<TpeSettings> = {},
    state?: StrategyState,
  ) {
    this.settings = settingsOf<typeof TPE_SETTINGS, TpeSettings>(TPE_SETTINGS, { ...FIXED, ...settings }, 'TPE settings');
    this.rng = state ? restoreRng(state.rng) : createRng(seed).fork('strategy');
    this.history = new History(state ? (state.history as Evaluated[]) : []);
  }

  ask(): Proposal {
    if (this.history.items.length < this.settings.initial) {
      const genotype = this.space.sample(this.rng);
      this.last = { seen: this.history.items.length, choices: this.space.toDecisions(genotype), startUp: true };
      return { genotype, encoded: this.space.encode(genotype), origin: 'random (start-up)' };
    }
    const options = this.space.decisions().map((d) => d.options.length);
    const choices = proposeByTpe(options, this.history.items, this.rng, (c) => this.history.has(c), this.settings);
    const genotype = choices ? this.space.fromDecisions(choices) : this.space.sample(this.rng);
    this.last = { seen: this.history.items.length, choices: this.space.toDecisions(genotype), startUp: false };
    return { genotype, encoded: this.space.encode(genotype), origin: choices ? 'highest l(x)/g(x)' : 'random (all candidates seen)' };
  }

  tell(outcome: Outcome): void {
    this.history.add(this.space, outcome);
  }

  /** The model the last ask drew from (history items are in trial order, so a position is a trial's index). */
  explain(phase: 'propose' | 'update'): TpeView | null {
    const last = this.last;
    if (!last) return null;
    const decisions = this.space.decisions();
    const items = this.history.items.slice(0, phase === 'update' ? this.history.items.length : last.seen);
    const model = tpeModel(
      decisions.map((d) => d.options.length),
      items,
      this.settings.gamma,
    );
    const startUp = phase === 'propose' && last.startUp;
    return {
      kind: 'tpe',
      startUp,
      good: startUp ? [] : model.goodGroup,
      bad: startUp ? [] : model.badGroup,
      gamma: this.settings.gamma,
      decisions: decisions.map((d, k) => ({
        name: d.name,
        options: d.options.map((label, o) => ({ label, l: model.good[k]![o]!, g: model.bad[k]![o]! })),
        chosen: last.choices[k]!,
      })),
    };
  }

  state(): StrategyState {
    return { kind: this.id, rng: this.rng.state(), history: this.history.toJSON() };
  }
}

export const tpe = defineStrategy({
  id: 'tpe',
  name: 'TPE',
  title: 'TPE (Bayesian optimisation)',
  blurb: 'Models which options appear among the best and the rest, and proposes what is likely good and unlikely bad (Bergstra et al. 2011).',
  color: '#2563eb',
  settings: { key: 'tpe', schema: TPE_SETTINGS },
  control: 'initial',
  startUp: (settings) => settings.initial,
  create: (space, seed, settings: Partial<TpeSettings>, state) => new Tpe(space, seed, settings, state),
});
