import * as v from 'valibot';
import { createRng, restoreRng, type Rng } from '../rng';
import { real, settingsOf } from '../schema-tools';
import type { SearchSpace } from '../space/types';
import { forEachParam, gradient, initLstm, rollout, type LstmParams } from './lstm-controller';
import { defineStrategy, type Outcome, type Proposal, type Strategy, type StrategyState } from './types';

export const LSTM_SETTINGS = v.object({
  learningRate: v.optional(v.pipe(real(1e-5, 1), v.title('Controller learning rate'), v.metadata({ step: 0.001 })), 0.01),
});

export interface LstmSettings extends v.InferOutput<typeof LSTM_SETTINGS> {
  hidden: number;
  embedding: number;
  baselineDecay: number;
  entropy: number;
}

/** The controller's size and the paper's values, not offered as settings. */
const FIXED = { hidden: 24, embedding: 12, baselineDecay: 0.9, entropy: 0.005 };

/**
 * REINFORCE with an LSTM controller (Zoph & Le 2017): decisions are emitted in sequence, each
 * conditioned on the ones before, so the policy can learn that choices go together. Trained by
 * Adam ascent on advantage · Σ log p with a moving-average baseline and an entropy bonus.
 */
export class ReinforceLstm implements Strategy {
  readonly id = 'reinforce-lstm';
  private rng: Rng;
  private params: LstmParams;
  private moments: { m: number[]; v: number[]; t: number };
  private baseline: number | null;
  private readonly settings: LstmSettings;
  private readonly counts: number[];

  constructor(
    private readonly space: SearchSpace,
    seed: number,
    settings: Partial<LstmSettings> = {},
    state?: StrategyState,
  ) {
    this.settings = settingsOf<typeof LSTM_SETTINGS, LstmSettings>(LSTM_SETTINGS, { ...FIXED, ...settings }, 'LSTM controller settings');
    this.counts = space.decisions().map((d) => d.options.length);
    const root = createRng(seed).fork('strategy');
    this.rng = state ? restoreRng(state.rng) : root;
    this.params = state
      ? (JSON.parse(JSON.stringify(state.params)) as LstmParams)
      : initLstm(this.counts, this.settings.hidden, this.settings.embedding, root.fork('init'));
    this.moments = state ? (JSON.parse(JSON.stringify(state.moments)) as ReinforceLstm['moments']) : { m: [], v: [], t: 0 };
    this.baseline = state ? (state.baseline as number | null) : null;
  }

  ask(): Proposal {
    const { choices } = rollout(this.params, this.counts, this.rng);
    const genotype = this.space.fromDecisions(choices);
    return { genotype, encoded: this.space.encode(genotype), origin: 'sampled by the LSTM controller' };
  }

  tell(outcome: Outcome): void {
    const { baselineDecay, learningRate, entropy } = this.settings;
    const advantage = this.baseline === null ? 0 : outcome.reward - this.baseline;
    this.baseline = this.baseline === null ? outcome.reward : baselineDecay * this.baseline + (1 - baselineDecay) * outcome.reward;
    const replay = rollout(this.params, this.counts, null, this.space.toDecisions(outcome.genotype));
    const grad = gradient(this.params, replay, advantage, entropy);
    const mo = this.moments;
    mo.t += 1;
    const stepSize = (learningRate * Math.sqrt(1 - 0.999 ** mo.t)) / (1 - 0.9 ** mo.t);
    forEachParam(this.params, grad, (get, set, g, slot) => {
      const m = 0.9 * (mo.m[slot] ?? 0) + 0.1 * g;
      const v = 0.999 * (mo.v[slot] ?? 0) + 0.001 * g * g;
      mo.m[slot] = m;
      mo.v[slot] = v;
      set(get() + (stepSize * m) / (Math.sqrt(v) + 1e-8)); // ascent
    });
  }

  state(): StrategyState {
    return {
      kind: this.id,
      rng: this.rng.state(),
      params: JSON.parse(JSON.stringify(this.params)),
      moments: JSON.parse(JSON.stringify(this.moments)),
      baseline: this.baseline,
    };
  }
}

export const reinforceLstm = defineStrategy({
  id: 'reinforce-lstm',
  name: 'REINFORCE with an LSTM',
  title: 'REINFORCE with an LSTM controller',
  blurb: 'An LSTM emits the decisions one after another, each conditioned on those before, and is trained by policy gradient (Zoph & Le 2017).',
  color: '#9a3412',
  settings: { key: 'reinforce-lstm', schema: LSTM_SETTINGS },
  control: 'learningRate',
  create: (space, seed, settings: Partial<LstmSettings>, state) => new ReinforceLstm(space, seed, settings, state),
});
