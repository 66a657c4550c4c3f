import * as v from 'valibot';
import { createRng, restoreRng, type Rng } from '../rng';
import { real, settingsOf } from '../schema-tools';
import type { SearchSpace } from '../space/types';
import { sampleIndex, softmax } from './categorical';
import type { Explains, ReinforceView } from './explain';
import { defineStrategy, type Outcome, type Proposal, type Strategy, type StrategyState } from './types';

export const REINFORCE_SETTINGS = v.object({
  learningRate: v.optional(v.pipe(real(1e-4, 100), v.title('Policy learning rate'), v.metadata({ step: 0.1 })), 2),
});

export interface ReinforceSettings extends v.InferOutput<typeof REINFORCE_SETTINGS> {
  /** Decay of the moving-average baseline. */
  baselineDecay: number;
  /** Weight of the entropy bonus that keeps the policy from collapsing early. */
  entropy: number;
}

/** The paper's values, not offered as settings. */
const FIXED = { baselineDecay: 0.9, entropy: 0.01 };

/**
 * REINFORCE (Williams 1992) with an independent categorical policy per decision, as NAS-Bench-201
 * uses: sample, then move the logits along (reward − baseline) · ∇ log p(choice), with a
 * moving-average baseline and an entropy bonus.
 */
export class Reinforce implements Strategy, Explains {
  readonly id = 'reinforce';
  private rng: Rng;
  private logits: number[][];
  private baseline: number | null;
  private readonly settings: ReinforceSettings;
  /** The last ask's or tell's facts, kept only to explain them. */
  private last: { chosen: number[]; before: number[][]; after: number[][] | null; reward: number | null; baseline: number | null } | null = null;

  constructor(
    private readonly space: SearchSpace,
    seed: number,
    settings: Partial<ReinforceSettings> = {},
    state?: StrategyState,
  ) {
    this.settings = settingsOf<typeof REINFORCE_SETTINGS, ReinforceSettings>(REINFORCE_SETTINGS, { ...FIXED, ...settings }, 'REINFORCE settings');
    this.rng = state ? restoreRng(state.rng) : createRng(seed).fork('strategy');
    this.logits = state ? (state.logits as number[][]).map((l) => [...l]) : space.decisions().map((d) => d.options.map(() => 0));
    this.baseline = state ? (state.baseline as number | null) : null;
  }

  /** Current probabilities per decision, for the page to draw. */
  policy(): number[][] {
    return this.logits.map(softmax);
  }

  ask(): Proposal {
    const choices = this.logits.map((l) => sampleIndex(softmax(l), this.rng));
    this.last = { chosen: choices, before: this.policy(), after: null, reward: null, baseline: this.baseline };
    const genotype = this.space.fromDecisions(choices);
    return { genotype, encoded: this.space.encode(genotype), origin: 'sampled from the policy' };
  }

  tell(outcome: Outcome): void {
    const { learningRate, baselineDecay, entropy } = this.settings;
    const choices = this.space.toDecisions(outcome.genotype);
    const advantage = this.baseline === null ? 0 : outcome.reward - this.baseline;
    const before = { chosen: choices, before: this.policy(), reward: outcome.reward, baseline: this.baseline };
    this.baseline = this.baseline === null ? outcome.reward : baselineDecay * this.baseline + (1 - baselineDecay) * outcome.reward;
    this.logits = this.logits.map((l, k) => {
      const p = softmax(l);
      const h = -p.reduce((s, pi) => s + pi * Math.log(pi), 0);
      return l.map((v, c) => {
        const logGrad = (c === choices[k] ? 1 : 0) - p[c]!;
        // d(entropy)/d(logit_c) = −p_c (log p_c + H)
        const entropyGrad = -p[c]! * (Math.log(p[c]!) + h);
        return v + learningRate * (advantage * logGrad + entropy * entropyGrad);
      });
    });
    this.last = { ...before, after: this.policy() };
  }

  explain(phase: 'propose' | 'update'): ReinforceView | null {
    const last = this.last;
    if (!last || (phase === 'update') !== (last.after !== null)) return null;
    return {
      kind: 'reinforce',
      decisions: this.space.decisions().map((d) => ({ name: d.name, options: [...d.options] })),
      before: last.before,
      after: last.after,
      chosen: last.chosen,
      reward: last.reward,
      baseline: last.baseline,
      baselineAfter: last.after ? this.baseline : null,
      advantage: last.reward !== null && last.baseline !== null ? last.reward - last.baseline : last.reward !== null ? 0 : null,
    };
  }

  state(): StrategyState {
    return { kind: this.id, rng: this.rng.state(), logits: this.logits.map((l) => [...l]), baseline: this.baseline };
  }
}

export const reinforce = defineStrategy({
  id: 'reinforce',
  name: 'REINFORCE',
  title: 'REINFORCE (policy gradient)',
  blurb:
    'Learns a probability for every option of every decision; choices that beat the running-average reward become more likely (Williams 1992; Zoph & Le 2017).',
  color: '#dc2626',
  settings: { key: 'reinforce', schema: REINFORCE_SETTINGS },
  control: 'learningRate',
  create: (space, seed, settings: Partial<ReinforceSettings>, state) => new Reinforce(space, seed, settings, state),
});
