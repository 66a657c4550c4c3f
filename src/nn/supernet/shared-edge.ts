import * as tf from '@tensorflow/tfjs-core';
import { NetBuilder, OP_GRAPHS, type NetNode, type OpArgs } from '../../core/net/index';
import type { OpId } from '../../core/ops/index';
import { fragmentLayer } from '../graph-layers';
import type { BuildContext } from '../layers';
import { buildOp } from '../op-factories';
import { tracked, type Candidate } from './types';

/**
 * How a candidate reads its edge's input, so that the ops of a mixed edge (and of every edge
 * leaving the same node) share what they compute alike: `relu` ops start with the ReLU of the input
 * (DARTS's ReLU-conv-BN, FactorizedReduce) and get it computed once per input; `pool` ops are only a
 * parameter-free pooling of the input, computed once per input and key; `raw` ops read the input.
 */
export type EdgeInput = { kind: 'raw' } | { kind: 'relu' } | { kind: 'pool'; key: string };

export interface EdgeCandidate extends Candidate {
  input: EdgeInput;
}

/** The graph without its input node and the ReLU that reads it: the ReLU's output becomes the input. */
function afterRelu(nodes: readonly NetNode[]): NetNode[] {
  return nodes.slice(1).map((n, i) => ({ ...n, id: i, prim: i === 0 ? { kind: 'input' } : n.prim, inputs: n.inputs.map((k) => k - 1) }));
}

/**
 * One candidate op, weights created exactly as `buildOp` creates them (same nodes, same order),
 * marked with what of its input it can share. Without `share` it is `buildOp`'s layer, reading the input.
 */
export function edgeCandidate(ctx: BuildContext, op: OpId, args: OpArgs, share: boolean): EdgeCandidate {
  if (!share) return { ...tracked(ctx, () => buildOp(ctx, op, args)), input: { kind: 'raw' } };
  const b = new NetBuilder({ height: 8, width: 8, channels: args.cin });
  const out = OP_GRAPHS[op](b, 0, 'op', args);
  const nodes = b.nodes;
  const first = out === null ? undefined : nodes[1];
  const readers = nodes.filter((n) => n.inputs.includes(0));
  if (out !== null && out > 1 && first?.prim.kind === 'relu' && readers.length === 1 && readers[0] === first)
    return { ...tracked(ctx, () => fragmentLayer(ctx, afterRelu(nodes), out - 1)), input: { kind: 'relu' } };
  const pool = out === 1 && (first?.prim.kind === 'maxpool' || first?.prim.kind === 'avgpool') ? first.prim : null;
  return {
    ...tracked(ctx, () => fragmentLayer(ctx, nodes, out)),
    input: pool ? { kind: 'pool', key: `${pool.kind}-${pool.kernel}-${pool.stride}` } : { kind: 'raw' },
  };
}

/**
 * What the ops of the edges leaving one node share: its ReLU and its poolings, each computed on
 * first use in a forward pass. Candidates built without sharing read the input as it is.
 */
export class SharedInput {
  private relu: tf.Tensor4D | null = null;
  private readonly pooled = new Map<string, tf.Tensor4D>();

  constructor(readonly x: tf.Tensor4D) {}

  /** The candidate's output on this input. */
  apply(c: EdgeCandidate, training: boolean): tf.Tensor4D {
    const layer = c.layer!;
    if (c.input.kind === 'relu') return layer((this.relu ??= tf.relu(this.x)), training);
    if (c.input.kind === 'pool') {
      let y = this.pooled.get(c.input.key);
      if (!y) this.pooled.set(c.input.key, (y = layer(this.x, training)));
      return y;
    }
    return layer(this.x, training);
  }
}
