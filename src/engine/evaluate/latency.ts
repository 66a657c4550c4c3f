import type { ObjectiveSettings } from '../../core/objective';
import { createRng } from '../../core/rng';
import { WithHyperparameters, type WithHp } from '../../core/space/with-hyperparameters';
import type { SearchSpace } from '../../core/space/types';
import { buildNetwork } from '../../nn/build';
import { measureLatency } from '../../nn/latency';
import type { TrainData } from '../../nn/train';

/** The latency of a genotype's stand-alone network on this device, ms. */
export type LatencyOf = (genotype: unknown) => Promise<number>;

/** A reward that trades accuracy against latency needs it for every trial, trained or not. */
export function needsLatency(objective: ObjectiveSettings): boolean {
  return objective.kind === 'mnas' && objective.cost === 'latency';
}

/**
 * Builds the genotype's network (untrained weights time the same as trained ones) and times it as
 * a trained trial is timed, so a predicted trial, or one scored with shared weights, is rewarded on
 * the same latency as one trained from scratch.
 */
export function standaloneLatency(space: SearchSpace, data: Pick<TrainData, 'input' | 'classes'>): LatencyOf {
  return async (genotype) => {
    const [inner, arch] = space instanceof WithHyperparameters ? [space.inner, (genotype as WithHp<unknown>).arch] : [space, genotype];
    const net = buildNetwork(inner, arch, data.input, data.classes, createRng('latency'));
    try {
      return await measureLatency(net, data.input);
    } finally {
      net.ctx.dispose();
    }
  };
}

/** `{ latencyMs }` when the reward needs it, else nothing: the fields to spread into an evaluation. */
export async function latencyField(latency: LatencyOf | null, genotype: unknown): Promise<{ latencyMs?: number }> {
  return latency ? { latencyMs: await latency(genotype) } : {};
}
