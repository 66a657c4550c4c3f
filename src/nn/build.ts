import type * as tf from '@tensorflow/tfjs-core';
import { layerGraph, type NetGraph } from '../core/net/index';
import type { Rng } from '../core/rng';
import type { InputShape, SearchSpace } from '../core/space/types';
import { instantiate } from './graph-layers';
import { BuildContext } from './layers';
import type { Network } from './network';

/** A layer graph → tfjs network; weights drawn from `rng` in the graph's order. */
export function networkOf(graph: NetGraph, rng: Rng): Network {
  const ctx = new BuildContext(rng);
  const fn = instantiate(ctx, graph.nodes, graph.output, true);
  return { ctx, graph, variables: fn.variables, apply: (x, training) => fn.run(x, training) as tf.Tensor2D };
}

/** Genotype → tfjs network, through the space's layer graph; weights drawn from `rng`. */
export function buildNetwork(space: SearchSpace, genotype: unknown, input: InputShape, classes: number, rng: Rng): Network {
  return networkOf(layerGraph(space, genotype, input, classes), rng);
}
