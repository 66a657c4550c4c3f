import * as tf from '@tensorflow/tfjs-core';
import { chainChannels, chainStrideFactors, effectiveKernel, type ChainGenotype } from '../core/space/chain';
import type { InputShape } from '../core/space/types';
import { BuildContext, classifierHead, convLayer, type Layer } from './layers';
import { avgPool, maxPool } from './ops';
import type { Network } from './network';

/** Builds a chain genotype: each layer reads the channel-concat of its predecessor and its skips. */
export function buildChain(g: ChainGenotype, input: InputShape, classes: number, ctx: BuildContext): Network {
  const { node, layerIn } = chainChannels(g, input.channels);
  const flat = input.height === 1 && input.width === 1;
  const factors = chainStrideFactors(g, input);
  const layers: Layer[] = g.layers.map((layer, j) => {
    const cin = layerIn[j]!;
    const stride = flat ? 1 : layer.stride;
    switch (layer.op) {
      case 'conv3x3':
      case 'conv5x5':
      case 'conv1x1':
        return convLayer(ctx, cin, layer.width!, { kernel: effectiveKernel(layer.op, input), stride });
      case 'max_pool3x3':
        return flat ? (x) => x : (x) => maxPool(x, 3, stride);
      case 'avg_pool3x3':
        return flat ? (x) => x : (x) => avgPool(x, 3, stride);
      case 'identity':
        // A strided identity keeps every second pixel, as a 1 × 1 pooling with stride 2.
        return stride === 1 ? (x) => x : (x) => avgPool(x, 1, 2);
    }
  });
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
