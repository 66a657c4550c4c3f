import type { Rng } from '../rng';
import type { SearchSpace } from '../space/types';

/**
 * How a single-path supernet (SPOS) picks the path of each weight step:
 * - `uniform`: a fresh uniform sample every step (Guo et al. 2020);
 * - `fair`: strict fairness (FairNAS, Chu et al. 2021): steps come in groups as long as the widest
 *   decision, and within a group every decision takes each of its options once, in an order shuffled
 *   per decision, so no op gets ahead of another on the same edge by being drawn more often.
 *   (FairNAS sums the group's gradients into one update; here each path of the group takes its own
 *   step, which keeps the fairness of the counts at the cost of the order within a group. Where a
 *   space repairs decisions that do not fit together, as the resolution trellis does, the counts
 *   after repair are only roughly fair.)
 */
export const PATH_SAMPLINGS = ['uniform', 'fair'] as const;
export type PathSampling = (typeof PATH_SAMPLINGS)[number];

/** The next path's genotype, drawn from the stream it was made with. */
export type PathSampler = () => unknown;

/** FairNAS's groups over a space's decisions; a decision with fewer options than the group repeats its shuffled options. */
export function fairSampler(space: SearchSpace, rng: Rng): PathSampler {
  const widths = space.decisions().map((d) => d.options.length);
  const group = Math.max(1, ...widths);
  let orders: number[][] = [];
  let at = group;
  return () => {
    if (at === group) {
      orders = widths.map((w) => {
        const order: number[] = [];
        while (order.length < group) order.push(...rng.shuffle(Array.from({ length: w }, (_, i) => i)));
        return order.slice(0, group);
      });
      at = 0;
    }
    const choices = orders.map((order) => order[at]!);
    at += 1;
    return space.fromDecisions(choices);
  };
}

/** The sampler for one epoch's stream; `uniform` draws exactly as SPOS always has, so seeded runs are unchanged. */
export function pathSampler(kind: PathSampling, space: SearchSpace, rng: Rng): PathSampler {
  return kind === 'fair' ? fairSampler(space, rng) : () => space.sample(rng);
}
