import * as v from 'valibot';
import { createRng, restoreRng, type Rng } from '../rng';
import { int, settingsOf } from '../schema-tools';
import type { ExperimentView } from '../experiment-fields';
import type { SearchSpace } from '../space/types';
import type { Evaluated } from './history';
import { proposeByTpe } from './tpe';
import type { Explains, HyperbandView } from './explain';
import { defineStrategy, type Outcome, type Proposal, type RunContext, type Strategy, type StrategyState } from './types';

/** One round of successive halving: n configurations trained with resource r each. */
export interface Rung {
  n: number;
  r: number;
}

/**
 * The brackets of Hyperband (Li et al. 2017) for maximum resource R and ratio η: bracket s runs
 * successive halving from n = ⌈(s_max + 1)/(s + 1) · η^s⌉ configurations at r = R·η^−s, keeping
 * ⌊n_i/η⌋ at each rung while the resource grows η-fold. For R = 81, η = 3: n = 81, 34, 15, 8, 5.
 */
export function hyperbandSchedule(maxResource: number, eta: number): Rung[][] {
  // The epsilon keeps log₃(81) = 4 from rounding down to 3.
  const sMax = Math.floor(Math.log(maxResource) / Math.log(eta) + 1e-9);
  const brackets: Rung[][] = [];
  for (let s = sMax; s >= 0; s--) {
    const n = Math.ceil(((sMax + 1) / (s + 1)) * eta ** s);
    const r = maxResource * eta ** -s;
    brackets.push(Array.from({ length: s + 1 }, (_, i) => ({ n: Math.floor(n * eta ** -i), r: r * eta ** i })));
  }
  return brackets;
}

export const HYPERBAND_SETTINGS = v.object({
  eta: v.optional(v.pipe(int(2, 10), v.title('η (keep 1 in η)')), 3),
});

export interface HyperbandSettings extends v.InferOutput<typeof HYPERBAND_SETTINGS> {
  /** R, in epochs: the engine sets it to the experiment's epochs. */
  maxResource: number;
  /** BOHB: share of new configurations drawn at random rather than from the model. */
  randomFraction: number;
}

/** R when no run sets it (tests, benchmarks), and BOHB's share of random configurations (the paper's). */
const FIXED = { maxResource: 9, randomFraction: 1 / 3 };

interface Progress {
  bracket: number;
  rung: number;
  configs: Array<{ choices: number[]; reward: number | null }>;
  cursor: number;
}

/**
 * Hyperband, and BOHB (Falkner et al. 2018) when `model` is on: brackets of successive halving
 * where low-fidelity trials (few epochs) weed out most configurations before any trains for long.
 * BOHB draws each bracket's new configurations from a TPE model of the largest budget with enough
 * results, instead of at random.
 */
export class Hyperband implements Strategy, Explains {
  readonly id: string;
  private rng: Rng;
  private progress: Progress | null;
  /** Every result, with the resource it was trained for. */
  private observations: Array<Evaluated & { r: number }>;
  private readonly settings: HyperbandSettings;
  private readonly schedule: Rung[][];
  /** The configurations the last tell promoted to the next rung, kept only to explain it. */
  private promoted: number[][] | null = null;

  constructor(
    private readonly space: SearchSpace,
    seed: number,
    private readonly model: boolean,
    settings: Partial<HyperbandSettings> = {},
    state?: StrategyState,
  ) {
    this.id = model ? 'bohb' : 'hyperband';
    this.settings = settingsOf<typeof HYPERBAND_SETTINGS, HyperbandSettings>(HYPERBAND_SETTINGS, { ...FIXED, ...settings }, 'Hyperband settings');
    this.schedule = hyperbandSchedule(this.settings.maxResource, this.settings.eta);
    this.rng = state ? restoreRng(state.rng) : createRng(seed).fork('strategy');
    this.progress = state ? (JSON.parse(JSON.stringify(state.progress)) as Progress | null) : null;
    this.observations = state ? (JSON.parse(JSON.stringify(state.observations)) as Array<Evaluated & { r: number }>) : [];
  }

  private newConfiguration(): number[] {
    const options = this.space.decisions().map((d) => d.options.length);
    if (this.model && this.rng.next() >= this.settings.randomFraction) {
      // The largest budget with more results than decisions, as BOHB prescribes.
      const budgets = [...new Set(this.observations.map((o) => o.r))].sort((a, b) => b - a);
      const budget = budgets.find((r) => this.observations.filter((o) => o.r === r).length > options.length);
      if (budget !== undefined) {
        const items = this.observations.filter((o) => o.r === budget);
        const choices = proposeByTpe(options, items, this.rng, () => false, { gamma: 0.15, candidates: 64 });
        if (choices) return choices;
      }
    }
    return this.space.toDecisions(this.space.sample(this.rng));
  }

  private current(): Progress {
    if (!this.progress) {
      const n = this.schedule[0]!.length ? this.schedule[0]![0]!.n : 1;
      this.progress = { bracket: 0, rung: 0, configs: Array.from({ length: n }, () => ({ choices: this.newConfiguration(), reward: null })), cursor: 0 };
    }
    return this.progress;
  }

  ask(): Proposal {
    const p = this.current();
    const rung = this.schedule[p.bracket]![p.rung]!;
    const config = p.configs[p.cursor]!;
    const genotype = this.space.fromDecisions(config.choices);
    const epochs = Math.max(1, Math.round(rung.r));
    const s = this.schedule[p.bracket]!.length - 1;
    return {
      genotype,
      encoded: this.space.encode(genotype),
      origin: `bracket s=${s}, rung ${p.rung + 1}: ${rung.n} at ${epochs} epoch${epochs === 1 ? '' : 's'}`,
      fidelity: Math.min(1, rung.r / this.settings.maxResource),
    };
  }

  tell(outcome: Outcome): void {
    const p = this.current();
    const rung = this.schedule[p.bracket]![p.rung]!;
    p.configs[p.cursor]!.reward = outcome.reward;
    this.observations.push({ choices: p.configs[p.cursor]!.choices, reward: outcome.reward, r: rung.r });
    p.cursor += 1;
    this.promoted = null;
    if (p.cursor < p.configs.length) return;
    const bracket = this.schedule[p.bracket]!;
    const next = bracket[p.rung + 1];
    if (next) {
      const keep = [...p.configs].sort((a, b) => b.reward! - a.reward!).slice(0, next.n);
      this.promoted = keep.map((c) => c.choices);
      this.progress = { bracket: p.bracket, rung: p.rung + 1, configs: keep.map((c) => ({ choices: c.choices, reward: null })), cursor: 0 };
    } else {
      const b = (p.bracket + 1) % this.schedule.length;
      const n = this.schedule[b]![0]!.n;
      this.progress = { bracket: b, rung: 0, configs: Array.from({ length: n }, () => ({ choices: this.newConfiguration(), reward: null })), cursor: 0 };
    }
  }

  explain(phase: 'propose' | 'update'): HyperbandView | null {
    // Never `current()`: that would draw a bracket's configurations, and explaining draws nothing.
    const p = this.progress;
    if (!p) return null;
    const encode = (choices: number[]) => this.space.encode(this.space.fromDecisions(choices));
    return {
      kind: 'hyperband',
      brackets: this.schedule.map((b) => b.map((r) => ({ n: r.n, epochs: Math.max(1, Math.round(r.r)) }))),
      bracket: p.bracket,
      rung: p.rung,
      configs: p.configs.map((c) => ({ encoded: encode(c.choices), reward: c.reward })),
      promoted: phase === 'update' && this.promoted ? this.promoted.map(encode) : null,
    };
  }

  state(): StrategyState {
    return {
      kind: this.id,
      rng: this.rng.state(),
      progress: JSON.parse(JSON.stringify(this.progress)),
      observations: JSON.parse(JSON.stringify(this.observations)),
    };
  }
}

/** Hyperband and BOHB share their settings; the engine sets R to the experiment's epochs. */
const group = { key: 'hyperband', schema: HYPERBAND_SETTINGS } as const;

/** Fewer epochs than η leave one rung, where every candidate trains for all of them: random search by another name. */
const oneRung =
  (name: string) =>
  (x: ExperimentView, { eta }: v.InferOutput<typeof HYPERBAND_SETTINGS>) =>
    x.training.epochs < eta
      ? {
          field: 'training.epochs',
          message: `With ${x.training.epochs} epoch${x.training.epochs === 1 ? '' : 's'} and η = ${eta}, ${name} has one rung: every candidate trains for all of them, so it searches like random search. ${eta * eta} epochs give it three rungs (1, ${eta} and ${eta * eta} epochs).`,
        }
      : null;
/** Choosing it brings η² epochs where there are fewer than η: three rungs of successive halving. */
const withRungs = (x: ExperimentView, { eta }: v.InferOutput<typeof HYPERBAND_SETTINGS>) => {
  if (x.training.epochs < eta) x.training.epochs = eta * eta;
};
const resource = (settings: Partial<HyperbandSettings>, run?: RunContext): Partial<HyperbandSettings> =>
  run ? { ...settings, maxResource: run.epochs } : settings;

export const hyperband = defineStrategy({
  id: 'hyperband',
  name: 'Hyperband',
  title: 'Hyperband (successive halving)',
  blurb:
    'Trains many candidates for a few epochs, keeps the best third for three times longer, and so on; brackets trade breadth for depth (Li et al. 2017). Give it 9 or more epochs.',
  color: '#0891b2',
  multiFidelity: true,
  settings: group,
  control: 'eta',
  note: oneRung('Hyperband'),
  onChoose: withRungs,
  create: (space, seed, settings: Partial<HyperbandSettings>, state, run) => new Hyperband(space, seed, false, resource(settings, run), state),
});

export const bohb = defineStrategy({
  id: 'bohb',
  name: 'BOHB',
  title: 'BOHB (Hyperband + TPE)',
  blurb: 'Hyperband whose new candidates come from a TPE model of the longest-trained results (Falkner et al. 2018). Give it 9 or more epochs.',
  color: '#db2777',
  multiFidelity: true,
  settings: group,
  control: 'eta',
  note: oneRung('BOHB'),
  onChoose: withRungs,
  create: (space, seed, settings: Partial<HyperbandSettings>, state, run) => new Hyperband(space, seed, true, resource(settings, run), state),
});
