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
