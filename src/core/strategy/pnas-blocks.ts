import { createRng, restoreRng, type Rng } from '../rng';
import type { Growth, SearchSpace } from '../space/types';
import { choiceKey } from './encoding';
import type { PnasView } from './explain';
import { neighbourChoices, type Evaluated } from './history';
import { pnasRanker } from './pnas-rank';
import type { Outcome, Proposal, Strategy, StrategyState } from './types';

interface Progress {
  /** Blocks of the cells being trained now (0 before the first). */
  block: number;
  phase: 'growing' | 'refining';
  /** The K cells of the last size, grown by one block each to make the next candidates. */
  beam: number[][];
  queue: number[][];
  /** This size's trained cells, to choose the next beam from. */
  level: Evaluated[];
  /** Every trained cell, partial or whole (−1 for blocks it lacks): what the surrogate learns from. */
  trained: Evaluated[];
  /** Encoded genotypes trained, so a partial cell that is also a whole one is not trained twice. */
  encodings: string[];
  /** The choice vector behind each proposal not yet told, by its encoded genotype. */
  asked: Record<string, number[]>;
  /** What the last refill did, for the step-through: candidates ranked, and the predictions of those kept (null: drawn at random). */
  ranked: number;
  predicted: Array<number | null>;
  /** The proposal of the last ask, and the cell it grew from. */
  last: { encoded: string; parent: string | null; predicted: number | null } | null;
}

/**
 * PNAS as in the paper (Liu et al. 2018): cells grow block by block. K cells of one block are
 * trained first (every one, where there are no more than K; else K drawn at random, as no surrogate
 * exists yet); then each size's K best trained cells (the beam) are expanded by every way to add one
 * block, a surrogate fitted to every cell trained so far ranks all the expansions, and only its top
 * K are trained. Once cells hold all B blocks, the search goes on in the same rhythm: the
 * surrogate ranks every one-decision change of the best K whole cells, and its top K are trained.
 */
export class PnasBlocks implements Strategy {
  readonly id = 'pnas';
  private readonly rng: Rng;
  private readonly progress: Progress;

  constructor(
    private readonly space: SearchSpace,
    private readonly growth: Growth,
    private readonly beam: number,
    seed: number,
    state?: StrategyState,
  ) {
    this.rng = state ? restoreRng(state.rng) : createRng(seed).fork('strategy');
    this.progress = state
      ? (JSON.parse(JSON.stringify(state.progress)) as Progress)
      : { block: 0, phase: 'growing', beam: [], queue: [], level: [], trained: [], encodings: [], asked: {}, ranked: 0, predicted: [], last: null };
  }

  private genotypeOf(choices: readonly number[], phase: Progress['phase'], block: number): unknown {
    return phase === 'growing' ? this.growth.partial(choices, block) : this.space.fromDecisions(choices);
  }

  /** The top `count` of `candidates` not trained yet, by the surrogate's prediction (at random before it has two cells to learn from). */
  private rank(candidates: number[][], count: number, phase: Progress['phase'], block: number): number[][] {
    const p = this.progress;
    const seen = new Set(p.encodings);
    const fresh = [...new Map(candidates.map((c) => [choiceKey(c), c])).values()].filter((c) => !seen.has(this.space.encode(this.genotypeOf(c, phase, block))));
    p.ranked = fresh.length;
    if (fresh.length <= count || p.trained.length < 2) {
      const kept = fresh.length <= count ? fresh : this.rng.shuffle(fresh).slice(0, count);
      p.predicted = kept.map(() => null);
      return kept;
    }
    const predict = pnasRanker(this.space, this.growth, p.trained, createRng(`${this.rng.state().key}/fit-${p.trained.length}`));
    const top = fresh
      .map((c) => ({ c, score: predict(c) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, count);
    p.predicted = top.map((s) => s.score);
    return top.map((s) => s.c);
  }

  private refill(): void {
    const p = this.progress;
    while (p.queue.length === 0) {
      if (p.phase === 'growing' && p.block < this.growth.blocks) {
        const parents = p.block === 0 ? [this.space.decisions().map(() => -1)] : p.beam;
        p.queue = this.rank(
          parents.flatMap((c) => this.growth.expand(c, p.block)),
          this.beam,
          'growing',
          p.block + 1,
        );
        p.block += 1;
        p.level = [];
      } else {
        p.phase = 'refining';
        const whole = p.trained.filter((e) => e.choices.every((c) => c >= 0));
        const parents = [...whole].sort((a, b) => b.reward - a.reward).slice(0, this.beam);
        const options = this.space.decisions().map((d) => d.options.length);
        p.queue = this.rank(
          parents.flatMap((e) => neighbourChoices(e.choices, options)),
          this.beam,
          'refining',
          p.block,
        );
        if (p.queue.length === 0) p.queue = [this.space.toDecisions(this.space.sample(this.rng))];
      }
    }
  }

  ask(): Proposal {
    this.refill();
    const p = this.progress;
    const predicted = p.predicted[p.predicted.length - p.queue.length] ?? null;
    const choices = p.queue.shift()!;
    const genotype = this.genotypeOf(choices, p.phase, p.block);
    const encoded = this.space.encode(genotype);
    p.asked[encoded] = choices;
    const growing = p.phase === 'growing';
    // The beam member this cell grew from: it agrees with it on every block that member has.
    const parent = growing && p.block > 1 ? p.beam.find((b) => b.every((c, k) => c < 0 || c === choices[k])) : undefined;
    p.last = { encoded, parent: parent ? this.space.encode(this.growth.partial(parent, p.block - 1)) : null, predicted };
    const origin = growing ? `grown to ${p.block} of ${this.growth.blocks} blocks` : 'refining the best';
    return { genotype, encoded, origin };
  }

  tell(outcome: Outcome): void {
    const p = this.progress;
    const choices = p.asked[outcome.encoded] ?? this.space.toDecisions(outcome.genotype);
    delete p.asked[outcome.encoded];
    const result = { choices, reward: outcome.reward };
    p.trained.push(result);
    p.encodings.push(outcome.encoded);
    if (p.phase !== 'growing') return;
    p.level.push(result);
    // The size is done: its best K are the beam the next size grows from.
    if (p.queue.length === 0)
      p.beam = [...p.level]
        .sort((a, b) => b.reward - a.reward)
        .slice(0, this.beam)
        .map((e) => e.choices);
  }

  explain(phase: 'propose' | 'update'): PnasView | null {
    const p = this.progress;
    if (!p.last) return null;
    const levelDone = phase === 'update' && p.phase === 'growing' && p.queue.length === 0;
    return {
      kind: 'pnas',
      phase: p.phase,
      blocks: p.block,
      of: this.growth.blocks,
      parent: p.last.parent,
      trained: p.trained.length,
      ranked: p.ranked,
      kept: p.predicted.length,
      beam: this.beam,
      proposed: p.last.encoded,
      predicted: p.last.predicted,
      nextBeam: levelDone && p.block < this.growth.blocks ? p.beam.map((c) => this.space.encode(this.growth.partial(c, p.block))) : null,
    };
  }

  state(): StrategyState {
    return { kind: this.id, growth: 'blocks', rng: this.rng.state(), progress: JSON.parse(JSON.stringify(this.progress)) };
  }
}
