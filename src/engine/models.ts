import { EVAL_DEPTH_TRIAL } from '../contracts/eval-depth';
import type { ModelAbout, TrainedModel } from '../core/net/types';
import type { SearchSpace } from '../core/space/types';
import { WithHyperparameters, type WithHp } from '../core/space/with-hyperparameters';
import type { Network } from '../nn/network';
import { readTrained } from '../nn/trained';

/** How many recent trials keep their trained weights in memory, besides the best. */
export const RECENT_MODELS = 8;

/**
 * The trained weights a search keeps: the best trial's (by reward, as the trial table ranks them)
 * and the last few trials', as plain arrays, so the networks themselves are freed after each trial.
 */
export class ModelStore {
  private recent = new Map<number, TrainedModel>();
  private top: { index: number; reward: number; model: TrainedModel } | null = null;
  /** The returned trial retrained at evaluation depth: never the best, never pushed out by later trials. */
  private deep: TrainedModel | null = null;
  /** Called when the best changes (the worker keeps it with the saved run). */
  onBest?: (model: TrainedModel) => void;

  constructor(private readonly capacity = RECENT_MODELS) {}

  /** A trial's trained model and its reward; the search's returned trial (a one-shot method's derived one) passes `returned`. */
  add(index: number, model: TrainedModel, reward: number, returned = false): void {
    this.recent.delete(index);
    this.recent.set(index, model);
    while (this.recent.size > this.capacity) this.recent.delete(this.recent.keys().next().value!);
    if (returned || !this.top || reward > this.top.reward) {
      this.top = { index, reward, model };
      this.onBest?.(model);
    }
  }

  /** Seeds the best from a saved run (its trials are replayed, not retrained). */
  restore(model: TrainedModel, reward: number): void {
    this.top = { index: model.about.trial, reward, model };
  }

  get bestReward(): number {
    return this.top?.reward ?? -Infinity;
  }

  get best(): TrainedModel | null {
    return this.top?.model ?? null;
  }

  /** Keeps the returned trial retrained at evaluation depth, under EVAL_DEPTH_TRIAL. */
  keepEvalDepth(model: TrainedModel): void {
    this.deep = model;
  }

  get(index: number): TrainedModel | null {
    if (index === EVAL_DEPTH_TRIAL) return this.deep;
    return this.recent.get(index) ?? (this.top?.index === index ? this.top.model : null);
  }

  /** Trials whose weights are here. */
  indices(): number[] {
    const all = new Set([...this.recent.keys(), ...(this.top ? [this.top.index] : []), ...(this.deep ? [EVAL_DEPTH_TRIAL] : [])]);
    return [...all].sort((a, b) => a - b);
  }
}

/** What a kept model records about itself: the architecture part of a joint NAS + HPO genotype. */
export function aboutModel(
  space: SearchSpace,
  genotype: unknown,
  facts: { classNames: string[]; dataset: string; trial: number; accuracy: number; origin: string },
): ModelAbout {
  const [inner, arch] = space instanceof WithHyperparameters ? [space.inner, (genotype as WithHp<unknown>).arch] : [space, genotype];
  return { space: inner.id, settings: (inner as unknown as { settings?: unknown }).settings ?? {}, encoded: inner.encode(arch), genotype: arch, ...facts };
}

/** Reads a network's weights into a kept model. */
export function keepNetwork(net: Network, about: ModelAbout): Promise<TrainedModel> {
  return readTrained(net, about);
}
