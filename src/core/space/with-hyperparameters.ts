import * as v from 'valibot';
import { PlaygroundError } from '../errors';
import { RunFields } from '../experiment-fields';
import type { Rng } from '../rng';
import type { ArchGraph, Cost, Decision, InputShape, SearchSpace } from './types';

/** Training hyperparameters searched together with the architecture (joint NAS + HPO). */
export interface Hyperparameters {
  learningRate: number;
  batchSize: number;
  weightDecay: number;
}

export type HyperparameterGrid = { [K in keyof Hyperparameters]: readonly number[] };

export const HP_KEYS = ['learningRate', 'batchSize', 'weightDecay'] as const;
const HP_SHORT: Record<keyof Hyperparameters, string> = { learningRate: 'lr', batchSize: 'bs', weightDecay: 'wd' };

/** The experiment's default grid (its `hpo` field). */
export const DEFAULT_HP_GRID: HyperparameterGrid = (({ learningRate, batchSize, weightDecay }) => ({ learningRate, batchSize, weightDecay }))(
  v.parse(RunFields.hpo, {}),
);

export interface WithHp<G> {
  arch: G;
  hp: Hyperparameters;
}

function invalid(why: string): PlaygroundError {
  return new PlaygroundError(
    'invalid-genotype',
    `Architecture with hyperparameters: ${why}.`,
    'It reads like <architecture> @ lr=0.01,bs=32,wd=0.0005 with values from the search grid.',
  );
}

/**
 * A space whose genotypes are an architecture of `inner` plus one value of each training
 * hyperparameter from a grid, so every strategy searches both at once; the hyperparameters are
 * extra categorical decisions.
 */
export class WithHyperparameters<G> implements SearchSpace<WithHp<G>> {
  readonly id: string;
  readonly title: string;

  constructor(
    readonly inner: SearchSpace<G>,
    readonly grid: HyperparameterGrid,
  ) {
    this.id = `${inner.id}+hp`;
    this.title = `${inner.title} + hyperparameters`;
    for (const key of HP_KEYS) if (grid[key].length === 0) throw new PlaygroundError('invalid-config', `The hyperparameter grid has no value for ${key}.`);
  }

  private sampleHp(rng: Rng): Hyperparameters {
    return { learningRate: rng.pick(this.grid.learningRate), batchSize: rng.pick(this.grid.batchSize), weightDecay: rng.pick(this.grid.weightDecay) };
  }

  sample(rng: Rng): WithHp<G> {
    return { arch: this.inner.sample(rng), hp: this.sampleHp(rng) };
  }

  mutate(g: WithHp<G>, rng: Rng): WithHp<G> {
    return rng.pick(this.neighbours(g));
  }

  neighbours(g: WithHp<G>): WithHp<G>[] {
    const archs = this.inner.neighbours(g.arch).map((arch) => ({ arch, hp: { ...g.hp } }));
    const hps = HP_KEYS.flatMap((key) => this.grid[key].filter((v) => v !== g.hp[key]).map((v) => ({ arch: g.arch, hp: { ...g.hp, [key]: v } })));
    return [...archs, ...hps];
  }

  encode(g: WithHp<G>): string {
    return `${this.inner.encode(g.arch)} @ ${HP_KEYS.map((k) => `${HP_SHORT[k]}=${g.hp[k]}`).join(',')}`;
  }

  decode(text: string): WithHp<G> {
    const at = text.lastIndexOf(' @ ');
    if (at < 0) throw invalid('the hyperparameters (" @ lr=…") are missing');
    const values = Object.fromEntries(
      text
        .slice(at + 3)
        .split(',')
        .map((part) => part.split('=') as [string, string]),
    );
    const hp = Object.fromEntries(HP_KEYS.map((k) => [k, Number(values[HP_SHORT[k]])]));
    return this.parse({ arch: this.inner.decode(text.slice(0, at)), hp });
  }

  parse(raw: unknown): WithHp<G> {
    const value = raw as Partial<WithHp<unknown>> | null;
    if (typeof value !== 'object' || value === null || typeof value.hp !== 'object' || value.hp === null) throw invalid('expected { arch, hp }');
    const hp = {} as Hyperparameters;
    for (const key of HP_KEYS) {
      const v = (value.hp as unknown as Record<string, unknown>)[key];
      if (!this.grid[key].includes(v as number)) throw invalid(`${key} ${String(v)} is not one of ${this.grid[key].join(', ')}`);
      hp[key] = v as number;
    }
    return { arch: this.inner.parse(value.arch), hp };
  }

  describe(g: WithHp<G>): ArchGraph {
    return this.inner.describe(g.arch);
  }

  describeNetwork(g: WithHp<G>): ArchGraph {
    return this.inner.describeNetwork ? this.inner.describeNetwork(g.arch) : this.inner.describe(g.arch);
  }

  size(): number {
    return this.inner.size() * HP_KEYS.reduce((n, k) => n * this.grid[k].length, 1);
  }

  cost(g: WithHp<G>, input: InputShape, numClasses: number): Cost {
    return this.inner.cost(g.arch, input, numClasses);
  }

  decisions(): Decision[] {
    return [...this.inner.decisions(), ...HP_KEYS.map((k) => ({ name: k, options: this.grid[k].map(String) }))];
  }

  toDecisions(g: WithHp<G>): number[] {
    return [...this.inner.toDecisions(g.arch), ...HP_KEYS.map((k) => this.grid[k].indexOf(g.hp[k]))];
  }

  fromDecisions(choices: readonly number[]): WithHp<G> {
    const split = choices.length - HP_KEYS.length;
    const hp = {} as Hyperparameters;
    HP_KEYS.forEach((k, i) => {
      const v = this.grid[k][choices[split + i]!];
      if (v === undefined) throw invalid(`choice ${choices[split + i]} is not an option of ${k}`);
      hp[k] = v;
    });
    return { arch: this.inner.fromDecisions(choices.slice(0, split)), hp };
  }

  checkInput(input: InputShape): string | null {
    return this.inner.checkInput(input);
  }
}
