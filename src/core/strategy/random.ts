import { createRng, restoreRng, type Rng } from '../rng';
import type { SearchSpace } from '../space/types';
import { defineStrategy, type Outcome, type Proposal, type Strategy, type StrategyState } from './types';

/** How often to redraw a sample already tried before accepting a repeat (small spaces run out). */
const MAX_REDRAWS = 32;

/** Random search: the baseline every strategy must beat (Li & Talwalkar 2019). */
export class RandomSearch implements Strategy {
  readonly id = 'random';
  private rng: Rng;
  private readonly seen: Set<string>;

  constructor(
    private readonly space: SearchSpace,
    seed: number,
    state?: StrategyState,
  ) {
    this.rng = state ? restoreRng(state.rng) : createRng(seed).fork('strategy');
    this.seen = new Set(state ? (state.seen as string[]) : []);
  }

  ask(): Proposal {
    let genotype = this.space.sample(this.rng);
    for (let i = 0; i < MAX_REDRAWS && this.seen.has(this.space.encode(genotype)); i++) genotype = this.space.sample(this.rng);
    const encoded = this.space.encode(genotype);
    this.seen.add(encoded);
    return { genotype, encoded, origin: 'random' };
  }

  tell(_outcome: Outcome): void {}

  state(): StrategyState {
    return { kind: this.id, rng: this.rng.state(), seen: [...this.seen] };
  }
}

export const random = defineStrategy({
  id: 'random',
  name: 'Random search',
  title: 'Random search',
  blurb: 'Samples architectures independently: the baseline every strategy must beat, and a strong one in a good space.',
  color: '#64748b',
  create: (space, seed, _settings, state) => new RandomSearch(space, seed, state),
});
