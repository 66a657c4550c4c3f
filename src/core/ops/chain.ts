import { CELL_OP_TABLE } from './cell';
import { convParts } from './cost';
import type { LayerOpInfo, TokenInfo } from './types';

export interface ChainOpInfo extends LayerOpInfo, TokenInfo {
  /** Chooses its output width (a conv); the others keep their input's channels. */
  hasWidth: boolean;
  /** Which chains use it: over images (convs, pooling), over flat rows of numbers (tables, points: an MLP), or both. */
  inputs: 'image' | 'flat' | 'both';
}

/**
 * The chain space's ops (conv-BN-ReLU convs, pooling, identity), with the chain's own spellings as
 * tokens. Pooling and the identity are the cell ops of the same meaning; strided, a chain's skip
 * keeps every second pixel (no weights), where a reduction cell's uses a FactorizedReduce.
 * On flat inputs (a table's rows, points) a chain is an MLP: dense layers and the identity, since
 * a k × k conv or a pool over a single pixel is only a dense layer or nothing under another name.
 */
export const CHAIN_OP_TABLE = {
  conv_3x3: { token: 'conv3x3', label: 'conv 3×3', color: '#2563eb', parameterFree: false, hasWidth: true, inputs: 'image', cost: convParts(3) },
  conv_5x5: { token: 'conv5x5', label: 'conv 5×5', color: '#7c3aed', parameterFree: false, hasWidth: true, inputs: 'image', cost: convParts(5) },
  conv_1x1: { token: 'conv1x1', label: 'conv 1×1', color: '#0891b2', parameterFree: false, hasWidth: true, inputs: 'image', cost: convParts(1) },
  max_pool_3x3: { ...CELL_OP_TABLE.max_pool_3x3, token: 'max_pool3x3', hasWidth: false, inputs: 'image' },
  avg_pool_3x3: { ...CELL_OP_TABLE.avg_pool_3x3, token: 'avg_pool3x3', hasWidth: false, inputs: 'image' },
  skip_connect: { ...CELL_OP_TABLE.skip_connect, token: 'identity', hasWidth: false, inputs: 'both', strided: [] },
  // Weights, batch norm and ReLU of a 1 × 1 conv, which on a 1 × 1 map is exactly a dense layer.
  dense: { token: 'dense', label: 'dense layer', color: '#0f766e', parameterFree: false, hasWidth: true, inputs: 'flat', cost: convParts(1) },
} as const satisfies Record<string, ChainOpInfo>;

export type ChainOpId = keyof typeof CHAIN_OP_TABLE;
/** How the chain spells its ops in genotypes and encoded strings. */
export type ChainToken = (typeof CHAIN_OP_TABLE)[ChainOpId]['token'];

/** How a strided skip halves the map in a chain (see above); cells reduce with `factorized`. */
export const CHAIN_STRIDED_SKIP = 'subsample' as const;

const IDS = Object.keys(CHAIN_OP_TABLE) as ChainOpId[];
const BY_TOKEN = new Map<string, ChainOpId>(IDS.map((id) => [CHAIN_OP_TABLE[id].token, id]));

const tokensFor = (input: 'image' | 'flat'): readonly ChainToken[] =>
  IDS.filter((id) => [input, 'both'].includes(CHAIN_OP_TABLE[id].inputs)).map((id) => CHAIN_OP_TABLE[id].token);

/** The ops of a chain over images as its genotypes spell them, in sampling order (the table's). */
export const CHAIN_TOKENS: readonly ChainToken[] = tokensFor('image');
/** The ops of a chain over flat inputs (an MLP), in sampling order. */
export const MLP_TOKENS: readonly ChainToken[] = tokensFor('flat');

/** The op id of a chain token. */
export function chainOpId(token: ChainToken): ChainOpId {
  return BY_TOKEN.get(token)!;
}
