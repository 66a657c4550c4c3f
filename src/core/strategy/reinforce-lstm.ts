import { createRng, restoreRng, type Rng } from '../rng';
import type { SearchSpace } from '../space/types';
import { forEachParam, gradient, initLstm, rollout, type LstmParams } from './lstm-controller';
import type { Outcome, Proposal, Strategy, StrategyState } from './types';

export interface LstmSettings {
  hidden: number;
  embedding: number;
  learningRate: number;
  baselineDecay: number;
  entropy: number;
}

export const DEFAULT_LSTM_SETTINGS: LstmSettings = { hidden: 24, embedding: 12, learningRate: 0.01, baselineDecay: 0.9, entropy: 0.005 };

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
    this.settings = { ...DEFAULT_LSTM_SETTINGS, ...settings };
    this.counts = space.decisions().map((d) => d.options.length);
    const root = createRng(seed).fork('strategy');
    this.rng = state ? restoreRng(state.rng) : root;
    this.params = state ? (JSON.parse(JSON.stringify(state.params)) as LstmParams) : initLstm(this.counts, this.settings.hidden, this.settings.embedding, root.fork('init'));
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
    return { kind: this.id, rng: this.rng.state(), params: JSON.parse(JSON.stringify(this.params)), moments: JSON.parse(JSON.stringify(this.moments)), baseline: this.baseline };
  }
}
