import * as v from 'valibot';
import { problem } from '../problems';
import { createRng, restoreRng, type Rng } from '../rng';
import { int, settingsOf } from '../schema-tools';
import type { SearchSpace } from '../space/types';
import { changedDecisions, type EvolutionView, type Explains } from './explain';
import { defineStrategy, type Outcome, type Proposal, type Strategy, type StrategyState } from './types';

export const EVOLUTION_SETTINGS = v.object({
  /** Population size P. */
  population: v.optional(v.pipe(int(2, 100), v.title('Population')), 10),
  /** Tournament sample size S. */
  sample: v.optional(v.pipe(int(1, 100), v.title('Tournament sample')), 3),
});
export type EvolutionSettings = v.InferOutput<typeof EVOLUTION_SETTINGS>;

interface Member {
  index: number;
  encoded: string;
  genotype: unknown;
  reward: number;
}

/**
 * Regularised (ageing) evolution, Real et al. 2019: until the population is full, sample at
 * random; then draw S members, mutate the best of them, add the child and remove the oldest.
 */
export class RegularizedEvolution implements Strategy, Explains {
  readonly id = 'evolution';
  private rng: Rng;
  /** Oldest first. */
  private population: Member[];
  private readonly settings: EvolutionSettings;
  /** The last ask's tournament and child, and the last tell's retired member: kept only to explain them. */
  private last: { sample: Member[]; parent: Member | null; child: unknown; retired: number | null } | null = null;

  constructor(
    private readonly space: SearchSpace,
    seed: number,
    settings: Partial<EvolutionSettings> = {},
    state?: StrategyState,
  ) {
    this.settings = settingsOf(EVOLUTION_SETTINGS, settings, 'Evolution settings');
    this.rng = state ? restoreRng(state.rng) : createRng(seed).fork('strategy');
    this.population = state ? (state.population as Member[]).map((m) => ({ ...m, genotype: space.parse(m.genotype) })) : [];
  }

  ask(): Proposal {
    const { population: size, sample } = this.settings;
    if (this.population.length < size) {
      const genotype = this.space.sample(this.rng);
      this.last = { sample: [], parent: null, child: genotype, retired: null };
      return { genotype, encoded: this.space.encode(genotype), origin: 'random (filling the population)' };
    }
    const contenders = this.rng.shuffle([...this.population]).slice(0, Math.min(sample, this.population.length));
    // Ties go to the younger member, which keeps the search moving.
    const parent = contenders.reduce((best, m) => (m.reward > best.reward || (m.reward === best.reward && m.index > best.index) ? m : best));
    const genotype = this.space.mutate(parent.genotype, this.rng);
    this.last = { sample: contenders, parent, child: genotype, retired: null };
    return { genotype, encoded: this.space.encode(genotype), origin: `mutation of #${parent.index + 1}` };
  }

  tell(outcome: Outcome): void {
    this.population.push({ index: outcome.index, encoded: outcome.encoded, genotype: outcome.genotype, reward: outcome.reward });
    let retired: number | null = null;
    while (this.population.length > this.settings.population) retired = this.population.shift()!.index;
    if (this.last) this.last.retired = retired;
  }

  explain(phase: 'propose' | 'update'): EvolutionView | null {
    const last = this.last;
    if (!last) return null;
    const { parent } = last;
    const mutated =
      phase === 'propose' && parent
        ? changedDecisions(this.space.decisions(), this.space.toDecisions(parent.genotype), this.space.toDecisions(last.child))
        : [];
    return {
      kind: 'evolution',
      population: this.population.map((m) => ({ index: m.index, encoded: m.encoded, reward: m.reward })),
      size: this.settings.population,
      sample: last.sample.map((m) => m.index),
      parent: parent?.index ?? null,
      mutated,
      retired: phase === 'update' ? last.retired : null,
    };
  }

  state(): StrategyState {
    return { kind: this.id, rng: this.rng.state(), population: this.population.map((m) => ({ ...m })) };
  }
}

export const evolution = defineStrategy({
  id: 'evolution',
  name: 'Regularised evolution',
  title: 'Regularised evolution',
  blurb: 'Fills a population at random, then repeatedly mutates the best of a few sampled members and retires the oldest (Real et al. 2019).',
  color: '#16a34a',
  settings: { key: 'evolution', schema: EVOLUTION_SETTINGS },
  control: 'population',
  startUp: (settings) => settings.population,
  checkSettings: ({ population, sample }) =>
    sample > population
      ? problem(
          'strategySettings.evolution.sample',
          `Evolution's tournament sample (${sample}) is larger than its population (${population}).`,
          'Lower the sample size or raise the population.',
        )
      : null,
  create: (space, seed, settings, state) => new RegularizedEvolution(space, seed, settings, state),
});
