import { CHAIN_OP_TABLE, chainOpId } from '../ops/chain';
import { opCost } from '../ops/cost';
import type { ChainGenotype } from './chain';
import type { Cost, InputShape } from './types';

/** Channels of every node (0 = input) and the input channels of every layer. */
export function chainChannels(g: ChainGenotype, inputChannels: number): { node: number[]; layerIn: number[] } {
  const node = [inputChannels];
  const layerIn: number[] = [];
  g.layers.forEach((layer, j) => {
    const cin = node[j]! + layer.skips.reduce((sum, s) => sum + node[s]!, 0);
    layerIn.push(cin);
    node.push(layer.width ?? cin);
  });
  return { node, layerIn };
}

/**
 * How many times each node (0 = input) is smaller than the input: the product of the strides
 * before it. On a 1 × 1 input nothing can shrink, so every factor is 1.
 */
export function chainStrideFactors(g: ChainGenotype, input: InputShape): number[] {
  const flat = input.height === 1 && input.width === 1;
  const factors = [1];
  g.layers.forEach((layer, j) => factors.push(factors[j]! * (flat ? 1 : layer.stride)));
  return factors;
}

/** Params and FLOPs of a chain: its layers as the op table costs them, then global pooling and a linear classifier. */
export function chainNetworkCost(g: ChainGenotype, input: InputShape, numClasses: number): Cost {
  const { node, layerIn } = chainChannels(g, input.channels);
  const factors = chainStrideFactors(g, input);
  let params = 0;
  let flops = 0;
  const onePixel = input.height === 1 && input.width === 1;
  g.layers.forEach((layer, j) => {
    const f = factors[j]!;
    const shape = { height: Math.ceil(input.height / f), width: Math.ceil(input.width / f), stride: onePixel ? 1 : layer.stride, onePixel };
    const cost = opCost(CHAIN_OP_TABLE[chainOpId(layer.op)], { cin: layerIn[j]!, cout: node[j + 1]!, ...shape });
    params += cost.params;
    flops += cost.flops;
  });
  const last = node[node.length - 1]!;
  params += last * numClasses + numClasses;
  flops += last * numClasses;
  return { params, flops };
}
