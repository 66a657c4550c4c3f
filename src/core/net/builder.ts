import type { InputShape } from '../space/types';
import { samePadding } from './padding';
import type { NetGraph, NetNode, Prim, WeightSpec } from './types';

/** A node id, as the graph's builders pass them around. */
export type Ref = number;

/**
 * Appends nodes with their output shapes. The shapes of a graph built for a nominal input size
 * are only used to check it; what matters to a builder is the order of nodes and weights.
 */
export class NetBuilder {
  readonly nodes: NetNode[] = [];

  constructor(readonly input: InputShape) {
    this.nodes.push({ id: 0, prim: { kind: 'input' }, inputs: [], scope: 'input', weights: [], shape: [input.height, input.width, input.channels] });
  }

  shape(x: Ref): number[] {
    return this.nodes[x]!.shape;
  }

  channels(x: Ref): number {
    const s = this.shape(x);
    return s[s.length - 1]!;
  }

  add(prim: Prim, inputs: Ref[], scope: string, weights: WeightSpec[] = []): Ref {
    const id = this.nodes.length;
    this.nodes.push({
      id,
      prim,
      inputs,
      scope,
      weights,
      shape: outputShape(
        prim,
        inputs.map((i) => this.shape(i)),
      ),
    });
    return id;
  }

  graph(space: string, classes: number, output: Ref): NetGraph {
    return { space, input: this.input, classes, nodes: this.nodes, output };
  }
}

function outputShape(prim: Prim, shapes: number[][]): number[] {
  const [h, w, c] = shapes[0] ?? [];
  const half = (n: number) => Math.ceil(n / 2);
  switch (prim.kind) {
    case 'conv':
      return [Math.ceil(h! / prim.stride[0]), Math.ceil(w! / prim.stride[1]), prim.cout];
    case 'depthwise':
      return prim.subsample ? [half(h!), half(w!), c!] : [h!, w!, c!];
    case 'maxpool':
    case 'avgpool':
      return [Math.ceil(h! / prim.stride), Math.ceil(w! / prim.stride), c!];
    case 'subsample':
      return [half(h!), half(w!), c!];
    case 'shift':
      return [h! - 1, w! - 1, c!];
    case 'upsample':
      return [2 * h!, 2 * w!, c!];
    case 'concat':
      return [h!, w!, shapes.reduce((sum, s) => sum + s[2]!, 0)];
    case 'mean':
      return [shapes[0]![shapes[0]!.length - 1]!];
    case 'dense':
      return [prim.units];
    default:
      return [...shapes[0]!];
  }
}

/** Explicit [top, bottom, left, right] padding of a node's 'same' window on its input. */
export function nodePadding(node: NetNode, input: number[]): [number, number, number, number] {
  const p = node.prim;
  if (p.kind === 'conv') return [...samePadding(input[0]!, p.kernel[0], p.stride[0]), ...samePadding(input[1]!, p.kernel[1], p.stride[1])];
  if (p.kind === 'depthwise') return [...samePadding(input[0]!, p.kernel, 1, p.dilation), ...samePadding(input[1]!, p.kernel, 1, p.dilation)];
  if (p.kind === 'maxpool' || p.kind === 'avgpool') return [...samePadding(input[0]!, p.kernel, p.stride), ...samePadding(input[1]!, p.kernel, p.stride)];
  return [0, 0, 0, 0];
}
