import type { Rng } from '../rng';
import type { Growth, SearchSpace } from '../space/types';
import { oneHot } from './encoding';
import type { Evaluated } from './history';
import { Surrogate } from './surrogate';

/**
 * PNAS's predictor: a surrogate ensemble fitted to every cell trained so far, of every size, that
 * scores a cell of any size. Its features are the space's growth features (what a cell's blocks
 * hold, averaged over blocks as the paper's MLP does, so what one-block cells taught carries to
 * larger ones) beside the one-hot of where each choice sits (which tells whole cells apart while
 * refining). A feature that was the same in every trained cell (a block position, an input, an op
 * not seen yet; the size, while all were of one size) is held at that value: the surrogate never
 * saw it vary, so its weights say nothing about it, and letting it vary would rank the expansions
 * by their random start (the test of this file's strategy failed so).
 */
export function pnasRanker(space: SearchSpace, growth: Growth, trained: readonly Evaluated[], rng: Rng): (choices: readonly number[]) => number {
  const decisions = space.decisions();
  const raw = (c: readonly number[]) => {
    const [shared, placed] = [growth.features(c), oneHot(decisions, c)];
    const out = new Float64Array(shared.length + placed.length);
    out.set(shared);
    out.set(placed, shared.length);
    return out;
  };
  const xs = trained.map((e) => raw(e.choices));
  const first = xs[0]!;
  const varied = xs.reduce((mask, x) => mask.map((m, i) => (m || x[i] !== first[i] ? 1 : 0)), new Uint8Array(first.length));
  const masked = (x: Float64Array) => x.map((value, i) => (varied[i] ? value : first[i]!));
  const model = Surrogate.fit(
    xs,
    trained.map((e) => e.reward),
    rng,
  );
  return (c) => model.predict(masked(raw(c))).mean;
}
