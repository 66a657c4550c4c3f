import type { OpId } from '../core/ops/index';
import { MNAS_OP_TABLE, type MnasOpId } from '../core/ops/mnas';
import { BuildContext, convLayer, type Layer } from './layers';
import { conv7x1x7, dilConv, factorizedReduce, identity, separableBlock, sepConv, subsample } from './op-layers';
import { avgPool, maxPool } from './pool-ops';

/** What an op is built for: the same few facts for every vocabulary. */
export interface OpArgs {
  /** Channels in and out: equal for cell, NB201 and resolution ops; a chain's conv or a MnasNet layer maps one to the other. */
  cin: number;
  cout: number;
  stride: number;
  /** The map is 1 × 1 (a chain on tables or points): a conv is built 1 × 1 (only its centre would see data) and pooling passes through. */
  onePixel?: boolean;
  /** How a strided skip halves the map: DARTS's FactorizedReduce (cells, the default), or keeping every second pixel (chains). */
  reduce?: 'factorized' | 'subsample';
  /** A MnasNet stage's other decisions: kernel, squeeze-and-excitation ratio, identity skip. */
  kernel?: number;
  se?: number;
  skip?: boolean;
}

/** Builds an op's layer, creating its weights on `ctx` in a fixed order; `null` is the zero op. */
export type OpFactory = (ctx: BuildContext, args: OpArgs) => Layer | null;

const conv =
  (k: number): OpFactory =>
  (ctx, a) =>
    convLayer(ctx, a.cin, a.cout, { kernel: a.onePixel ? 1 : k, stride: a.stride });
const norConv =
  (k: number): OpFactory =>
  (ctx, a) =>
    convLayer(ctx, a.cin, a.cout, { kernel: k, relu: 'before' });
const pool =
  (kind: 'max' | 'avg', k: number): OpFactory =>
  (_ctx, a) => {
    if (a.onePixel) return identity;
    return kind === 'max' ? (x) => maxPool(x, k, a.stride) : (x) => avgPool(x, k, a.stride);
  };
const mnas =
  (op: MnasOpId): OpFactory =>
  (ctx, a) => {
    const k = a.kernel ?? 3;
    // MnasNet's plain conv takes no identity skip here; the separable layers do.
    if (op === 'conv') return convLayer(ctx, a.cin, a.cout, { kernel: k, stride: a.stride });
    return separableBlock(ctx, { ...a, kernel: k, expansion: MNAS_OP_TABLE[op].expansion, se: a.se ?? 0, skip: a.skip ?? false, reluAfter: op === 'sepconv' });
  };

/**
 * Every op of every vocabulary, as DARTS's OPS dict: the stand-alone builders and the supernets
 * build ops only through here, so an op is written once. Cost: src/core/ops (checked equal).
 */
export const OP_FACTORIES = {
  none: () => null,
  skip_connect: (ctx, a) => (a.stride === 1 ? identity : a.reduce === 'subsample' ? subsample : factorizedReduce(ctx, a.cin, a.cout)),
  max_pool_3x3: pool('max', 3),
  avg_pool_3x3: pool('avg', 3),
  sep_conv_3x3: (ctx, a) => sepConv(ctx, a.cin, 3, a.stride),
  sep_conv_5x5: (ctx, a) => sepConv(ctx, a.cin, 5, a.stride),
  sep_conv_7x7: (ctx, a) => sepConv(ctx, a.cin, 7, a.stride),
  dil_conv_3x3: (ctx, a) => dilConv(ctx, a.cin, 3, 2, a.stride),
  dil_conv_5x5: (ctx, a) => dilConv(ctx, a.cin, 5, 2, a.stride),
  conv_7x1_1x7: (ctx, a) => conv7x1x7(ctx, a.cin, a.stride),
  max_pool_5x5: pool('max', 5),
  nor_conv_1x1: norConv(1),
  nor_conv_3x3: norConv(3),
  conv_3x3: conv(3),
  conv_5x5: conv(5),
  conv_1x1: conv(1),
  // An MLP's layer: on the 1 × 1 map of a table's row, a 1 × 1 conv-BN-ReLU is a dense layer with batch norm.
  dense: conv(1),
  single_sep_conv_3x3: (ctx, a) => dilConv(ctx, a.cin, 3, 1, a.stride),
  single_sep_conv_5x5: (ctx, a) => dilConv(ctx, a.cin, 5, 1, a.stride),
  conv: mnas('conv'),
  sepconv: mnas('sepconv'),
  mbconv1: mnas('mbconv1'),
  mbconv3: mnas('mbconv3'),
  mbconv6: mnas('mbconv6'),
} as const satisfies Record<OpId, OpFactory>;

/** The layer of one op; `null` for the zero op. */
export function buildOp(ctx: BuildContext, op: OpId, args: OpArgs): Layer | null {
  return OP_FACTORIES[op](ctx, args);
}
