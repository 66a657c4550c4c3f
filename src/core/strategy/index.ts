import type { SearchSpace } from '../space/types';
import { Bananas, type BananasSettings } from './bananas';
import { Hyperband, type HyperbandSettings } from './hyperband';
import { RegularizedEvolution, type EvolutionSettings } from './evolution';
import { Pnas, type PnasSettings } from './pnas';
import { RandomSearch } from './random';
import { Reinforce, type ReinforceSettings } from './reinforce';
import { ReinforceLstm, type LstmSettings } from './reinforce-lstm';
import { Tpe, type TpeSettings } from './tpe';
import type { Strategy, StrategyState } from './types';

export const STRATEGY_IDS = ['random', 'evolution', 'reinforce', 'reinforce-lstm', 'bananas', 'pnas', 'tpe', 'hyperband', 'bohb'] as const;

/** Strategies that train candidates for fewer epochs first: they need an evaluator with fidelities. */
export const MULTI_FIDELITY_STRATEGIES: readonly StrategyId[] = ['hyperband', 'bohb'];
export type StrategyId = (typeof STRATEGY_IDS)[number];

export const STRATEGY_TITLES: Record<StrategyId, string> = {
  random: 'Random search',
  evolution: 'Regularised evolution',
  reinforce: 'REINFORCE (policy gradient)',
  'reinforce-lstm': 'REINFORCE with an LSTM controller',
  bananas: 'BANANAS (surrogate ensemble)',
  pnas: 'PNAS (progressive + surrogate)',
  tpe: 'TPE (Bayesian optimisation)',
  hyperband: 'Hyperband (successive halving)',
  bohb: 'BOHB (Hyperband + TPE)',
};

export const STRATEGY_BLURBS: Record<StrategyId, string> = {
  random: 'Samples architectures independently: the baseline every strategy must beat, and a strong one in a good space.',
  evolution:
    'Fills a population at random, then repeatedly mutates the best of a few sampled members and retires the oldest (Real et al. 2019).',
  reinforce:
    'Learns a probability for every option of every decision; choices that beat the running-average reward become more likely (Williams 1992; Zoph & Le 2017).',
  'reinforce-lstm':
    'An LSTM emits the decisions one after another, each conditioned on those before, and is trained by policy gradient (Zoph & Le 2017).',
  bananas:
    'Fits an ensemble of small neural networks to the results so far, then evaluates the candidate whose sampled prediction is highest (White et al. 2021).',
  pnas:
    'Grows architectures one decision at a time; a learned predictor picks which few expansions to train at each step (Liu et al. 2018).',
  tpe: 'Models which options appear among the best and the rest, and proposes what is likely good and unlikely bad (Bergstra et al. 2011).',
  hyperband:
    'Trains many candidates for a few epochs, keeps the best third for three times longer, and so on; brackets trade breadth for depth (Li et al. 2017). Give it 9 or more epochs.',
  bohb: 'Hyperband whose new candidates come from a TPE model of the longest-trained results (Falkner et al. 2018). Give it 9 or more epochs.',
};

export interface StrategySettings {
  evolution: Partial<EvolutionSettings>;
  reinforce: Partial<ReinforceSettings>;
  'reinforce-lstm': Partial<LstmSettings>;
  bananas: Partial<BananasSettings>;
  pnas: Partial<PnasSettings>;
  tpe: Partial<TpeSettings>;
  hyperband: Partial<HyperbandSettings>;
}

export function createStrategy(
  id: StrategyId,
  space: SearchSpace,
  seed: number,
  settings: Partial<StrategySettings> = {},
  state?: StrategyState,
): Strategy {
  switch (id) {
    case 'random':
      return new RandomSearch(space, seed, state);
    case 'evolution':
      return new RegularizedEvolution(space, seed, settings.evolution, state);
    case 'reinforce':
      return new Reinforce(space, seed, settings.reinforce, state);
    case 'reinforce-lstm':
      return new ReinforceLstm(space, seed, settings['reinforce-lstm'], state);
    case 'bananas':
      return new Bananas(space, seed, settings.bananas, state);
    case 'pnas':
      return new Pnas(space, seed, settings.pnas, state);
    case 'tpe':
      return new Tpe(space, seed, settings.tpe, state);
    case 'hyperband':
      return new Hyperband(space, seed, false, settings.hyperband, state);
    case 'bohb':
      return new Hyperband(space, seed, true, settings.hyperband, state);
  }
}

export type { Strategy, StrategyState, Proposal, Outcome } from './types';
