import * as tf from '@tensorflow/tfjs-core';
import { CHAIN_STRIDED_SKIP } from '../core/ops/chain';
import { chainChannels, chainOpId, chainStrideFactors, type ChainGenotype, type ChainLayer } from '../core/space/chain';
import type { InputShape } from '../core/space/types';
import { BuildContext, classifierHead } from './layers';
import { buildOp, type OpArgs } from './op-factories';
import { avgPool } from './pool-ops';
import type { Network } from './network';

/** What layer j of a chain is built for: its channels, its stride (none on a 1 × 1 map), and the chain's strided skip. */
export function chainOpArgs(layer: ChainLayer, cin: number, input: InputShape): OpArgs {
  const onePixel = input.height === 1 && input.width === 1;
  return { cin, cout: layer.width ?? cin, stride: onePixel ? 1 : layer.stride, onePixel, reduce: CHAIN_STRIDED_SKIP };
}

/** Builds a chain genotype: each layer reads the channel-concat of its predecessor and its skips. */
export function buildChain(g: ChainGenotype, input: InputShape, classes: number, ctx: BuildContext): Network {
  const { node, layerIn } = chainChannels(g, input.channels);
  const factors = chainStrideFactors(g, input);
  const layers = g.layers.map((layer, j) => buildOp(ctx, chainOpId(layer.op), chainOpArgs(layer, layerIn[j]!, input))!);
  /** Skip inputs from larger maps are average-pooled down to the predecessor's size. */
  const resize = (x: tf.Tensor4D, from: number, to: number): tf.Tensor4D => {
    const f = factors[to]! / factors[from]!;
    return f === 1 ? x : avgPool(x, f, f);
  };
  const head = classifierHead(ctx, node[node.length - 1]!, classes);
  return {
    ctx,
    apply(x, training) {
      const outputs: tf.Tensor4D[] = [x];
      g.layers.forEach((layer, j) => {
        const sources = [outputs[j]!, ...layer.skips.map((s) => resize(outputs[s]!, s, j))];
        const joined = sources.length === 1 ? sources[0]! : tf.concat(sources, 3);
        outputs.push(layers[j]!(joined, training));
      });
      return head(outputs[outputs.length - 1]!);
    },
  };
}
