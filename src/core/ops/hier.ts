import { CELL_OP_TABLE } from './cell';
import { NB201_OP_TABLE } from './nb201';
import { RESOLUTION_OP_TABLE } from './resolution';
import type { LayerOpInfo, TokenInfo } from './types';

export type HierOpInfo = LayerOpInfo & TokenInfo;

/**
 * The level-1 primitives of hierarchical representations (Liu et al. 2018), all at stride 1 and C
 * channels: 1 × 1 conv, 3 × 3 depthwise conv, 3 × 3 separable conv, 3 × 3 max and average pooling,
 * identity, and `none` (no edge). The convs are ReLU-conv-BN as the other cell vocabularies build
 * them, so the 1 × 1 conv is NAS-Bench-201's and the separable conv the resolution path's; the
 * depthwise conv alone (ReLU, depthwise 3 × 3, BN) is an op of its own.
 */
export const HIER_OP_TABLE = {
  none: { ...CELL_OP_TABLE.none, token: 'none' },
  skip_connect: { ...CELL_OP_TABLE.skip_connect, token: 'id' },
  nor_conv_1x1: { ...NB201_OP_TABLE.nor_conv_1x1, token: 'conv1x1' },
  dw_conv_3x3: {
    token: 'dw3x3',
    label: 'depthwise 3×3',
    color: '#0e7490',
    parameterFree: false,
    cost: [{ conv: [3, 3], depthwise: true, stride: 'both' }, { bn: true }],
  },
  single_sep_conv_3x3: { ...RESOLUTION_OP_TABLE.single_sep_conv_3x3, token: 'sep3x3' },
  max_pool_3x3: { ...CELL_OP_TABLE.max_pool_3x3, token: 'max3x3' },
  avg_pool_3x3: { ...CELL_OP_TABLE.avg_pool_3x3, token: 'avg3x3' },
} as const satisfies Record<string, HierOpInfo>;

export type HierOpId = keyof typeof HIER_OP_TABLE;
export type HierToken = (typeof HIER_OP_TABLE)[HierOpId]['token'];

const IDS = Object.keys(HIER_OP_TABLE) as HierOpId[];
const BY_TOKEN = new Map<string, HierOpId>(IDS.map((id) => [HIER_OP_TABLE[id].token, id]));

/** The level-1 options of a level-2 edge as genotypes spell them, `none` first, in table order. */
export const HIER_TOKENS: readonly HierToken[] = IDS.map((id) => HIER_OP_TABLE[id].token);

export function hierOpId(token: string): HierOpId | undefined {
  return BY_TOKEN.get(token);
}
