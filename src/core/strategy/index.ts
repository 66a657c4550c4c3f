import type { SearchSpace } from '../space/types';
import { RegularizedEvolution, type EvolutionSettings } from './evolution';
import { RandomSearch } from './random';
import type { Strategy, StrategyState } from './types';

export const STRATEGY_IDS = ['random', 'evolution'] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];

export const STRATEGY_TITLES: Record<StrategyId, string> = {
  random: 'Random search',
  evolution: 'Regularised evolution',
};

export const STRATEGY_BLURBS: Record<StrategyId, string> = {
  random: 'Samples architectures independently: the baseline every strategy must beat, and a strong one in a good space.',
  evolution:
    'Fills a population at random, then repeatedly mutates the best of a few sampled members and retires the oldest (Real et al. 2019).',
};

export interface StrategySettings {
  evolution: Partial<EvolutionSettings>;
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
  }
}

export type { Strategy, StrategyState, Proposal, Outcome } from './types';
