import type { OneShotSettings } from '../../core/one-shot';
import type { Rng } from '../../core/rng';
import type { ChooseEdge, Supernet } from '../../nn/supernet/index';
import { Darts } from './darts';
import type { ArchView, MethodPlan, NextStage } from './method';

/** At most this many skip connections in the final normal cell. */
const SKIP_CAP = 2;

/**
 * P-DARTS's stages (Chen et al. 2019): each deepens the supernet by one cell per stage, and the
 * skip dropout grows with the stage (capped at 0.9).
 */
export function pdartsPlan(settings: OneShotSettings): MethodPlan {
  return {
    stages: settings.stages,
    extraCells: (stage) => stage,
    skipDropout: (stage) => Math.min(0.9, settings.skipDropout * (stage + 1)),
    ranksPaths: false,
  };
}

/** The op budget per stage: 8 → 5 → 3 candidates for DARTS's op set. */
export function keepCount(ops: number, stage: number, stages: number): number {
  if (stage === 0) return ops;
  const share = stages <= 2 ? 5 / 8 : stage === 1 ? 5 / 8 : 3 / 8;
  return Math.max(2, Math.round(ops * share));
}

/** Drops all but the `keep` most likely ops of each edge (`none` stays where genotypes never use it: it is never picked). */
export function prune(probs: readonly number[][], allowed: readonly boolean[][], keep: number, supernet: Supernet): boolean[][] {
  const noneIsStructural = supernet.ops[0] === 'none' && !supernet.noneInGenotypes;
  return probs.map((row, e) => {
    const ranked = row
      .map((p, k) => ({ p, k }))
      .filter(({ k }) => allowed[e]![k] && !(noneIsStructural && k === 0))
      .sort((a, b) => b.p - a.p);
    const kept = new Set(ranked.slice(0, noneIsStructural ? keep - 1 : keep).map(({ k }) => k));
    return row.map((_, k) => kept.has(k) || (noneIsStructural && k === 0));
  });
}

/** The final rule: at most two skip connections outside the reduction cell; extra ones (weakest first) give way to their edge's next best op. */
export function capSkips(supernet: Supernet, probs: number[][], allowed: boolean[][]): unknown {
  const skip = supernet.ops.indexOf('skip_connect');
  const mask = allowed.map((row) => [...row]);
  for (;;) {
    const g = supernet.derive(probs, mask);
    const path = supernet.pathOf(g);
    const skips = path.flatMap((ops, e) => (supernet.edges[e]!.group !== 'reduce' && ops.includes(skip) ? [e] : []));
    if (skips.length <= SKIP_CAP) return g;
    const weakest = skips.sort((a, b) => probs[a]![skip]! - probs[b]![skip]!)[0]!;
    mask[weakest]![skip] = false;
  }
}

/** One P-DARTS stage: DARTS with dropout on skip connections, pruning for the next stage, and the skip cap at the very end. */
export class Pdarts extends Darts {
  private readonly skip = this.supernet.ops.indexOf('skip_connect');

  /** Path dropout on skip connections, per edge and step, with the kept ones rescaled. */
  protected override weightChoice(rng: Rng): ChooseEdge {
    const p = this.setup.skipDropout;
    const drops = p > 0 ? this.supernet.edges.map(() => rng.next() < p) : null;
    return this.mixed(drops ? (edge, op) => (op === this.skip ? (drops[edge] ? 0 : 1 / (1 - p)) : 1) : undefined);
  }

  override async current(epoch?: number): Promise<unknown> {
    const { stage, settings } = this.setup;
    if (epoch === undefined || stage < settings.stages - 1 || epoch < settings.epochs) return super.current(epoch);
    return capSkips(this.supernet, await this.probs(), this.setup.allowed);
  }

  override nextStage(view: ArchView | null, cellsPerStage: number): NextStage {
    const { stage, settings, allowed } = this.setup;
    const keep = keepCount(this.supernet.ops.length, stage + 1, settings.stages);
    return {
      allowed: view ? prune(view.probs, allowed, keep, this.supernet) : allowed,
      message: `P-DARTS: stage ${stage + 2} deepens the supernet to ${cellsPerStage + 1} cells per stage and keeps ${keep} ops per edge.`,
    };
  }
}
