import type { SearchSpace } from '../space/types';
import { choiceKey } from './encoding';
import type { Outcome } from './types';

export interface Evaluated {
  choices: number[];
  reward: number;
}

/** What a model-based strategy remembers: every evaluated choice vector and its reward. */
export class History {
  readonly items: Evaluated[];
  private readonly seen: Set<string>;

  constructor(items: Evaluated[] = []) {
    this.items = items.map((e) => ({ choices: [...e.choices], reward: e.reward }));
    this.seen = new Set(this.items.map((e) => choiceKey(e.choices)));
  }

  add(space: SearchSpace, outcome: Outcome): void {
    const choices = space.toDecisions(outcome.genotype);
    this.items.push({ choices, reward: outcome.reward });
    this.seen.add(choiceKey(choices));
  }

  has(choices: readonly number[]): boolean {
    return this.seen.has(choiceKey(choices));
  }

  best(count: number): Evaluated[] {
    return [...this.items].sort((a, b) => b.reward - a.reward).slice(0, count);
  }

  toJSON(): Evaluated[] {
    return this.items;
  }
}

/** Every vector one decision away from `choices`. */
export function neighbourChoices(choices: readonly number[], optionCounts: readonly number[]): number[][] {
  const out: number[][] = [];
  choices.forEach((c, k) => {
    for (let o = 0; o < optionCounts[k]!; o++) {
      if (o === c) continue;
      const next = [...choices];
      next[k] = o;
      out.push(next);
    }
  });
  return out;
}
