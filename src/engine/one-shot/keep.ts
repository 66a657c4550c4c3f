import { graphWeights, layerGraph, type TrainedModel } from '../../core/net/index';
import type { SearchSpace } from '../../core/space/types';
import type { Supernet } from '../../nn/supernet/index';
import type { TrainData } from '../../nn/train';
import { aboutModel } from '../models';

/**
 * A derived genotype's network with the weights it inherits from the supernet (batch norm as the
 * last scoring recalibrated it): the supernet lists a genotype's variables in the stand-alone
 * builder's order, trainable and statistics apart; the layer graph interleaves them.
 */
export async function inheritedModel(
  supernet: Supernet,
  space: SearchSpace,
  genotype: unknown,
  data: TrainData,
  facts: { classNames: string[]; dataset: string; trial: number; accuracy: number; origin: string },
): Promise<TrainedModel> {
  const graph = layerGraph(space, genotype, data.input, data.classes);
  const { trainable, statistics } = supernet.variablesOf(genotype);
  let t = 0;
  let s = 0;
  const variables = graphWeights(graph).map(({ spec }) => (spec.trainable ? trainable[t++] : statistics[s++]));
  if (t !== trainable.length || s !== statistics.length || variables.some((v) => !v)) {
    throw new Error(`The supernet path of ${space.encode(genotype)} does not match its stand-alone network.`);
  }
  const weights = await Promise.all(variables.map(async (v) => new Float32Array(await v!.data<'float32'>())));
  return { graph, weights, about: aboutModel(space, genotype, facts) };
}
