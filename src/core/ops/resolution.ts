import { CELL_OP_TABLE } from './cell';
import { separableParts } from './cost';
import { CHAIN_OP_TABLE } from './chain';
import type { LayerOpInfo, TokenInfo } from './types';

export type ResolutionOpInfo = LayerOpInfo & TokenInfo;

/**
 * The block a resolution path applies at every layer (with a residual add): the chain's 3 × 3 conv,
 * the cells' 3 × 3 dilated conv, or one ReLU-depthwise-pointwise-BN (half of DARTS's sep conv, so
 * an op of its own that the space spells sep_conv_k×k).
 */
export const RESOLUTION_OP_TABLE = {
  conv_3x3: { ...CHAIN_OP_TABLE.conv_3x3, token: 'conv3x3' },
  single_sep_conv_3x3: { token: 'sep_conv_3x3', label: 'sep conv 3×3', color: '#4f46e5', parameterFree: false, cost: separableParts(3) },
  single_sep_conv_5x5: { token: 'sep_conv_5x5', label: 'sep conv 5×5', color: '#9333ea', parameterFree: false, cost: separableParts(5) },
  dil_conv_3x3: { ...CELL_OP_TABLE.dil_conv_3x3, token: 'dil_conv_3x3' },
} as const satisfies Record<string, ResolutionOpInfo>;

export type ResolutionOpId = keyof typeof RESOLUTION_OP_TABLE;
export type ResolutionToken = (typeof RESOLUTION_OP_TABLE)[ResolutionOpId]['token'];

const IDS = Object.keys(RESOLUTION_OP_TABLE) as ResolutionOpId[];
const BY_TOKEN = new Map<string, ResolutionOpId>(IDS.map((id) => [RESOLUTION_OP_TABLE[id].token, id]));

/** The blocks as genotypes spell them, in sampling order (the table's). */
export const RESOLUTION_TOKENS: readonly ResolutionToken[] = IDS.map((id) => RESOLUTION_OP_TABLE[id].token);

/** The op id of a block's spelling. */
export function resolutionOpId(token: ResolutionToken): ResolutionOpId {
  return BY_TOKEN.get(token)!;
}
