import type { OpId } from '../ops/index';
import { MNAS_OP_TABLE, type MnasOpId } from '../ops/mnas';
import { batchNorm, convBn, conv7x1x7, depthwise, dilConv, factorizedReduce, relu, separableBlock, sepConv } from './blocks';
import type { NetBuilder, Ref } from './builder';

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

/** Adds an op's nodes reading `x` under `scope`, weights in a fixed order; returns its output, or `null` for the zero op. */
export type OpGraph = (b: NetBuilder, x: Ref, scope: string, args: OpArgs) => Ref | null;

const conv =
  (k: number): OpGraph =>
  (b, x, scope, a) =>
    convBn(b, x, scope, a.cout, { kernel: a.onePixel ? 1 : k, stride: a.stride });
const norConv =
  (k: number): OpGraph =>
  (b, x, scope, a) =>
    convBn(b, x, scope, a.cout, { kernel: k, relu: 'before' });
const pool =
  (kind: 'maxpool' | 'avgpool', k: number): OpGraph =>
  (b, x, scope, a) =>
    a.onePixel ? x : b.add({ kind, kernel: k, stride: a.stride }, [x], scope);
const mnas =
  (op: MnasOpId): OpGraph =>
  (b, x, scope, a) => {
    const k = a.kernel ?? 3;
    // MnasNet's plain conv takes no identity skip here; the separable layers do.
    if (op === 'conv') return convBn(b, x, scope, a.cout, { kernel: k, stride: a.stride });
    const { expansion } = MNAS_OP_TABLE[op];
    return separableBlock(b, x, scope, {
      cout: a.cout,
      stride: a.stride,
      kernel: k,
      expansion,
      se: a.se ?? 0,
      skip: a.skip ?? false,
      reluAfter: op === 'sepconv',
    });
  };

/**
 * Every op of every vocabulary, as DARTS's OPS dict, written once as layer-graph fragments: the
 * stand-alone networks, the supernets and the exporters all read them. Cost: src/core/ops (checked equal).
 */
export const OP_GRAPHS = {
  none: () => null,
  skip_connect: (b, x, scope, a) =>
    a.stride === 1 ? x : a.reduce === 'subsample' ? b.add({ kind: 'subsample' }, [x], scope) : factorizedReduce(b, x, scope, a.cout),
  max_pool_3x3: pool('maxpool', 3),
  avg_pool_3x3: pool('avgpool', 3),
  sep_conv_3x3: (b, x, scope, a) => sepConv(b, x, scope, 3, a.stride),
  sep_conv_5x5: (b, x, scope, a) => sepConv(b, x, scope, 5, a.stride),
  sep_conv_7x7: (b, x, scope, a) => sepConv(b, x, scope, 7, a.stride),
  dil_conv_3x3: (b, x, scope, a) => dilConv(b, x, scope, 3, 2, a.stride),
  dil_conv_5x5: (b, x, scope, a) => dilConv(b, x, scope, 5, 2, a.stride),
  conv_7x1_1x7: (b, x, scope, a) => conv7x1x7(b, x, scope, a.stride),
  max_pool_5x5: pool('maxpool', 5),
  nor_conv_1x1: norConv(1),
  nor_conv_3x3: norConv(3),
  conv_3x3: conv(3),
  conv_5x5: conv(5),
  conv_1x1: conv(1),
  // An MLP's layer: on the 1 × 1 map of a table's row, a 1 × 1 conv-BN-ReLU is a dense layer with batch norm.
  dense: conv(1),
  single_sep_conv_3x3: (b, x, scope, a) => dilConv(b, x, scope, 3, 1, a.stride),
  single_sep_conv_5x5: (b, x, scope, a) => dilConv(b, x, scope, 5, 1, a.stride),
  conv: mnas('conv'),
  sepconv: mnas('sepconv'),
  mbconv1: mnas('mbconv1'),
  mbconv3: mnas('mbconv3'),
  mbconv6: mnas('mbconv6'),
  // Hierarchical representations' depthwise primitive: ReLU, depthwise 3 × 3, BN (no pointwise conv).
  dw_conv_3x3: (b, x, scope, a) => batchNorm(b, depthwise(b, relu(b, x, scope), `${scope}.depthwise`, 3, 1, a.stride), `${scope}.bn`),
} as const satisfies Record<OpId, OpGraph>;

export function opGraph(b: NetBuilder, x: Ref, scope: string, op: OpId, args: OpArgs): Ref | null {
  return OP_GRAPHS[op](b, x, scope, args);
}
