import * as v from 'valibot';
import { createRng, restoreRng, type Rng } from '../rng';
import { int, settingsOf } from '../schema-tools';
import { createSpace, SPACE_IDS, type SpaceId, type SpaceSettings } from '../space/index';
import type { SearchSpace } from '../space/types';
import { choiceKey, oneHot } from './encoding';
import { History, neighbourChoices, type Evaluated } from './history';
import { PnasBlocks } from './pnas-blocks';
import { Surrogate } from './surrogate';
import { defineStrategy, type Outcome, type Proposal, type Strategy, type StrategyState } from './types';

export const PNAS_SETTINGS = v.object({
  /** K: candidates trained per step, and the beam kept. */
  beam: v.optional(v.pipe(int(1, 100), v.title('Beam K')), 8),
  /**
   * How candidates grow: block by block as in the paper (in spaces with blocks: cells and
   * NAS-Bench-201; others grow by decisions), or one decision at a time with the rest at their first
   * option, as the playground did before (links made then keep it).
   */
  growth: v.optional(
    v.pipe(
      v.picklist(['blocks', 'decisions']),
      v.title('Growth'),
      v.metadata({ labels: { blocks: 'block by block (paper)', decisions: 'one decision at a time' } }),
    ),
    'blocks',
  ),
});
export type PnasSettings = v.InferOutput<typeof PNAS_SETTINGS>;

interface PnasProgress {
  /** Decisions fixed so far; the rest stay at option 0 (for NAS-Bench-201: edge not yet added). */
  level: number;
  phase: 'growing' | 'refining';
  beam: number[][];
  queue: number[][];
  levelResults: Evaluated[];
}

/**
 * Progressive search grown one decision at a time: the playground's PNAS before it grew cells block
 * by block (pnas-blocks.ts), kept for spaces without blocks and for links made then. At each
 * step every member of the beam is expanded by all options of the next decision; a surrogate fitted
 * to every result so far ranks the expansions, and only the top K are trained; the K best trained
 * become the next beam. Once every decision is placed, the search keeps refining the best cells
 * by surrogate-ranked single-decision changes.
 */
export class Pnas implements Strategy {
  readonly id = 'pnas';
  private rng: Rng;
  private readonly history: History;
  private progress: PnasProgress;
  private readonly settings: PnasSettings;

  constructor(
    private readonly space: SearchSpace,
    seed: number,
    settings: Partial<PnasSettings> = {},
    state?: StrategyState,
  ) {
    this.settings = settingsOf(PNAS_SETTINGS, settings, 'PNAS settings');
    this.rng = state ? restoreRng(state.rng) : createRng(seed).fork('strategy');
    this.history = new History(state ? (state.history as Evaluated[]) : []);
    this.progress = state
      ? (JSON.parse(JSON.stringify(state.progress)) as PnasProgress)
      : { level: 0, phase: 'growing', beam: [space.decisions().map(() => 0)], queue: [], levelResults: [] };
  }

  private rank(candidates: number[][], count: number): number[][] {
    const fresh = [...new Map(candidates.filter((c) => !this.history.has(c)).map((c) => [choiceKey(c), c])).values()];
    if (fresh.length <= count) return fresh;
    const items = this.history.items;
    if (items.length < 2) return this.rng.shuffle(fresh).slice(0, count);
    const decisions = this.space.decisions();
    const model = Surrogate.fit(
      items.map((e) => oneHot(decisions, e.choices)),
      items.map((e) => e.reward),
      createRng(`${this.rng.state().key}/fit-${items.length}`),
    );
    return fresh
      .map((c) => ({ c, score: model.predict(oneHot(decisions, c)).mean }))
      .sort((a, b) => b.score - a.score)
      .slice(0, count)
      .map((s) => s.c);
  }

  private refill(): void {
    const p = this.progress;
    const options = this.space.decisions().map((d) => d.options.length);
    while (p.queue.length === 0) {
      if (p.level < options.length) {
        const expansions = p.beam.flatMap((b) =>
          Array.from({ length: options[p.level]! }, (_, o) => {
            const next = [...b];
            next[p.level] = o;
            return next;
          }),
        );
        p.level += 1;
        p.phase = 'growing';
        p.queue = this.rank(expansions, this.settings.beam);
      } else {
        p.phase = 'refining';
        const parents = this.history.best(this.settings.beam);
        p.queue = this.rank(
          parents.flatMap((e) => neighbourChoices(e.choices, options)),
          1,
        );
        if (p.queue.length === 0) p.queue = [this.space.toDecisions(this.space.sample(this.rng))];
      }
    }
  }

  ask(): Proposal {
    this.refill();
    const choices = this.progress.queue.shift()!;
    const genotype = this.space.fromDecisions(choices);
    const origin = this.progress.phase === 'growing' ? `grown to ${this.progress.level} of ${this.space.decisions().length} decisions` : 'refining the best';
    return { genotype, encoded: this.space.encode(genotype), origin };
  }

  tell(outcome: Outcome): void {
    this.history.add(this.space, outcome);
    const p = this.progress;
    p.levelResults.push({ choices: this.space.toDecisions(outcome.genotype), reward: outcome.reward });
    if (p.phase === 'growing' && p.queue.length === 0) {
      // The level is done: its best K become the beam for the next decision.
      p.beam = [...p.levelResults]
        .sort((a, b) => b.reward - a.reward)
        .slice(0, this.settings.beam)
        .map((e) => e.choices);
      p.levelResults = [];
    }
  }

  state(): StrategyState {
    return { kind: this.id, rng: this.rng.state(), history: this.history.toJSON(), progress: JSON.parse(JSON.stringify(this.progress)) };
  }
}

export const pnas = defineStrategy({
  id: 'pnas',
  name: 'PNAS',
  title: 'PNAS (progressive + surrogate)',
  blurb:
    'Grows cells block by block (1, 2, … B blocks), keeping a beam of K; a learned predictor ranks every way to add the next block and only the top K are trained (Liu et al. 2018). Spaces without blocks grow one decision at a time.',
  color: '#7c3aed',
  settings: { key: 'pnas', schema: PNAS_SETTINGS },
  control: 'beam',
  note: (x, { growth }) => {
    if (growth !== 'blocks' || !SPACE_IDS.includes(x.space as SpaceId)) return null;
    const grows = !x.hpo.enabled && createSpace(x.space as SpaceId, x.spaceSettings as SpaceSettings).growth !== undefined;
    return grows
      ? null
      : {
          field: 'strategySettings.pnas.growth',
          message: `PNAS grows cells block by block in the cell and NAS-Bench-201 spaces; ${x.hpo.enabled ? 'with hyperparameters searched too' : `the ${x.space} space has no blocks`}, so it grows one decision at a time, the rest at their first option.`,
        };
  },
  create: (space, seed, settings, state) => {
    const { beam, growth } = settingsOf(PNAS_SETTINGS, settings, 'PNAS settings');
    // A saved state says which PNAS it belongs to; a link carries its growth setting.
    const blocks = (state ? state.growth === 'blocks' : growth === 'blocks') ? space.growth : undefined;
    return blocks ? new PnasBlocks(space, blocks, beam, seed, state) : new Pnas(space, seed, { beam }, state);
  },
});
