import { CHAIN_STRIDED_SKIP } from '../ops/chain';
import { chainChannels, chainOpId, chainStrideFactors, type ChainGenotype, type ChainLayer } from '../space/chain';
import type { InputShape } from '../space/types';
import { classifierHead } from './blocks';
import { NetBuilder, type Ref } from './builder';
import { opGraph, type OpArgs } from './op-graphs';
import type { NetGraph } from './types';

/** What layer j of a chain is built for: its channels, its stride (none on a 1 × 1 map), and the chain's strided skip. */
export function chainOpArgs(layer: ChainLayer, cin: number, input: InputShape): OpArgs {
  const onePixel = input.height === 1 && input.width === 1;
  return { cin, cout: layer.width ?? cin, stride: onePixel ? 1 : layer.stride, onePixel, reduce: CHAIN_STRIDED_SKIP };
}

/** Each layer reads the channel-concat of its predecessor and its skips; skips from larger maps are average-pooled down. */
export function describeChain(g: ChainGenotype, input: InputShape, classes: number): NetGraph {
  const b = new NetBuilder(input);
  const { layerIn } = chainChannels(g, input.channels);
  const factors = chainStrideFactors(g, input);
  const outputs: Ref[] = [0];
  g.layers.forEach((layer, j) => {
    const scope = `layers.${j}`;
    const sources = [
      outputs[j]!,
      ...layer.skips.map((s) => {
        const f = factors[j]! / factors[s]!;
        return f === 1 ? outputs[s]! : b.add({ kind: 'avgpool', kernel: f, stride: f }, [outputs[s]!], scope);
      }),
    ];
    const joined = sources.length === 1 ? sources[0]! : b.add({ kind: 'concat' }, sources, scope);
    outputs.push(opGraph(b, joined, `${scope}.op`, chainOpId(layer.op), chainOpArgs(layer, layerIn[j]!, input))!);
  });
  return b.graph('chain', classes, classifierHead(b, outputs[outputs.length - 1]!, 'head', classes));
}
