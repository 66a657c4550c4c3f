/**
 * What a strategy did at its last ask or tell, in its own terms, for the step-through. Plain data
 * (it crosses to the page), read from what the strategy already holds: explaining never draws a
 * random number, so a search in step mode proposes exactly what it proposes without.
 */

/** One member of evolution's population, as the step panel lists it. */
export interface MemberView {
  index: number;
  encoded: string;
  reward: number;
}

/** A decision whose option changed, named as the space names it. */
export interface ChangedDecision {
  decision: number;
  name: string;
  from: string;
  to: string;
}

export interface EvolutionView {
  kind: 'evolution';
  /** Oldest first. */
  population: MemberView[];
  size: number;
  /** Trial indices of the tournament sample, and the winner; empty and null while the population fills. */
  sample: number[];
  parent: number | null;
  /** The decisions the mutation changed (parent → child). */
  mutated: ChangedDecision[];
  /** On update: the member retired to make room, if any. */
  retired: number | null;
}

export interface ReinforceView {
  kind: 'reinforce';
  decisions: Array<{ name: string; options: string[] }>;
  /** [decision][option] probabilities before (and after an update). */
  before: number[][];
  after: number[][] | null;
  /** The options sampled (propose) or rewarded (update). */
  chosen: number[];
  reward: number | null;
  /** The moving-average baseline before the update (null before the first reward), and after it. */
  baseline: number | null;
  baselineAfter: number | null;
  /** reward − baseline: how strongly the chosen options were pushed up (or down). */
  advantage: number | null;
}

export interface TpeOptionView {
  label: string;
  /** l(x): density among the good trials; g(x): among the rest. */
  l: number;
  g: number;
}

export interface TpeView {
  kind: 'tpe';
  /** Random start-up trials come before the model; then the good and bad groups are empty. */
  startUp: boolean;
  /** Trial indices of the good (top γ) and bad groups. */
  good: number[];
  bad: number[];
  gamma: number;
  decisions: Array<{ name: string; options: TpeOptionView[]; chosen: number }>;
}

export interface BananasView {
  kind: 'bananas';
  startUp: boolean;
  /** How many unseen candidates (neighbours of the best trials, a few random) the surrogate scored. */
  scored: number;
  /** The candidates with the highest Thompson draws, best first: predicted mean and spread, and the draw from them. */
  top: Array<{ encoded: string; mean: number; std: number; draw: number }>;
  chosen: string | null;
}

export interface HyperbandView {
  kind: 'hyperband';
  /** Every bracket's rungs: how many configurations, and epochs each. */
  brackets: Array<Array<{ n: number; epochs: number }>>;
  bracket: number;
  rung: number;
  /** The configurations of the rung in progress, with the rewards known so far. */
  configs: Array<{ encoded: string; reward: number | null }>;
  /** On update, when a rung finished: the configurations promoted to the next rung (with more epochs). */
  promoted: string[] | null;
}

export interface PnasView {
  kind: 'pnas';
  /** Growing: cells of `blocks` of `of` blocks; refining: one-decision changes of the best whole cells. */
  phase: 'growing' | 'refining';
  blocks: number;
  of: number;
  /** The beam member the proposed cell grew from by one block (null for a first block, or refining). */
  parent: string | null;
  /** Cells trained so far: what the surrogate learned from. */
  trained: number;
  /** Expansions (or, refining, one-decision changes) not trained yet that were ranked, and how many were kept (K). */
  ranked: number;
  kept: number;
  beam: number;
  proposed: string;
  /** The surrogate's prediction for it, or null where it was drawn at random (no surrogate yet, or few enough to keep all). */
  predicted: number | null;
  /** On update, when a size is done: the K best trained cells that the next size grows from. */
  nextBeam: string[] | null;
}

export type StrategyView = EvolutionView | ReinforceView | TpeView | BananasView | HyperbandView | PnasView;

/** PNAS's step in one sentence, as the step-through says it. */
export function pnasSentence(view: PnasView): string {
  const score =
    view.predicted !== null
      ? `predicted ${(view.predicted * 100).toFixed(1)}%`
      : view.kept >= view.ranked
        ? 'every one is trained'
        : 'drawn at random, as no surrogate ranks them yet';
  if (view.phase === 'refining')
    return `All ${view.of} blocks placed: the surrogate ranks ${view.ranked} one-decision changes of the best ${view.beam} whole cells; kept top ${view.kept} (this one ${score}).`;
  const grew =
    view.parent === null ? `cells of 1 block: ${view.ranked} possible` : `grew cell ${view.parent} by one block; the surrogate ranks ${view.ranked} expansions`;
  const next = view.nextBeam ? ` Size ${view.blocks} done: its best ${view.nextBeam.length} are the beam for ${view.blocks + 1} blocks.` : '';
  return `${view.blocks} of ${view.of} blocks — ${grew}; kept top ${view.kept} (this one ${score}).${next}`;
}

/** The optional hook: the view of the latest `ask` (phase `propose`) or `tell` (phase `update`), or null where it has none. */
export interface Explains {
  explain(phase: 'propose' | 'update'): StrategyView | null;
}

/** Which decisions differ between two decision vectors, labelled. */
export function changedDecisions(
  decisions: ReadonlyArray<{ name: string; options: readonly string[] }>,
  from: readonly number[],
  to: readonly number[],
): ChangedDecision[] {
  const out: ChangedDecision[] = [];
  decisions.forEach((d, k) => {
    if (from[k] !== to[k]) out.push({ decision: k, name: d.name, from: d.options[from[k]!] ?? '?', to: d.options[to[k]!] ?? '?' });
  });
  return out;
}

export function explains(strategy: object): strategy is Explains {
  return typeof (strategy as Partial<Explains>).explain === 'function';
}
