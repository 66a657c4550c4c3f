import type * as tf from '@tensorflow/tfjs-core';
import { NetBuilder, OP_GRAPHS, type OpArgs, type Ref } from '../core/net/index';
import type { OpId } from '../core/ops/index';
import { fragmentLayer } from './graph-layers';
import type { BuildContext, Layer } from './layers';

export type { OpArgs } from '../core/net/index';

/** Builds an op's layer, creating its weights on `ctx` in a fixed order; `null` is the zero op. */
export type OpFactory = (ctx: BuildContext, args: OpArgs) => Layer | null;

/** A layer-graph fragment on a `cin`-channel input as a layer; the builder's map size is nominal (shapes are read at run time). */
export function graphLayer(ctx: BuildContext, cin: number, build: (b: NetBuilder, x: Ref) => Ref | null): Layer | null {
  const b = new NetBuilder({ height: 8, width: 8, channels: cin });
  const out = build(b, 0);
  return fragmentLayer(ctx, b.nodes, out);
}

/** As `graphLayer`, for a fragment that ends in logits (a classifier head). */
export function graphHead(ctx: BuildContext, cin: number, build: (b: NetBuilder, x: Ref) => Ref): (x: tf.Tensor4D) => tf.Tensor2D {
  const layer = graphLayer(ctx, cin, build)!;
  return (x) => layer(x, false) as unknown as tf.Tensor2D;
}

/**
 * Every op of every vocabulary, as DARTS's OPS dict: the stand-alone builders and the supernets
 * build ops only through here, from core's layer-graph fragments, so an op is written once.
 */
export const OP_FACTORIES = Object.fromEntries(
  (Object.keys(OP_GRAPHS) as OpId[]).map((op) => [op, (ctx: BuildContext, a: OpArgs) => graphLayer(ctx, a.cin, (b, x) => OP_GRAPHS[op](b, x, 'op', a))]),
) as Record<OpId, OpFactory>;

/** The layer of one op; `null` for the zero op. */
export function buildOp(ctx: BuildContext, op: OpId, args: OpArgs): Layer | null {
  return OP_FACTORIES[op](ctx, args);
}
