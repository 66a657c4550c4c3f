import { CELL_OP_TABLE, type CellOpId } from './cell';
import { CHAIN_OP_TABLE, type ChainOpId } from './chain';
import { HIER_OP_TABLE, type HierOpId } from './hier';
import { MNAS_OP_TABLE, type MnasOpId } from './mnas';
import { NB201_OP_TABLE, type Nb201OpId } from './nb201';
import { RESOLUTION_OP_TABLE, type ResolutionOpId } from './resolution';
import type { OpInfo } from './types';

/**
 * Every op of every vocabulary, by its one id (an op two spaces share has one id and one look).
 * Adding an op takes an entry in its vocabulary's table here in src/core/ops (label, colour, what
 * its weights are) and a factory in src/nn/op-factories.ts; the compiler asks for both.
 */
export type OpId = CellOpId | Nb201OpId | ChainOpId | ResolutionOpId | MnasOpId | HierOpId;

/** The vocabularies' tables side by side, for whoever draws or tests every op. */
export const OP_TABLES = {
  cell: CELL_OP_TABLE,
  nb201: NB201_OP_TABLE,
  chain: CHAIN_OP_TABLE,
  resolution: RESOLUTION_OP_TABLE,
  mnas: MNAS_OP_TABLE,
  hier: HIER_OP_TABLE,
} as const;

const ALL: Record<OpId, OpInfo> = { ...HIER_OP_TABLE, ...MNAS_OP_TABLE, ...RESOLUTION_OP_TABLE, ...CHAIN_OP_TABLE, ...NB201_OP_TABLE, ...CELL_OP_TABLE };

export function isOpId(name: string): name is OpId {
  return Object.hasOwn(ALL, name);
}

/** An op's label, colour and whether it has weights. */
export function opInfo(op: OpId): OpInfo {
  return ALL[op];
}

export type { CostPart, LayerOpInfo, OpInfo, OpLook } from './types';
export type { CellOp, CellOpId, CellOpSet } from './cell';
export type { ChainOpId, ChainToken } from './chain';
export type { HierOpId, HierToken } from './hier';
export type { MnasOpId } from './mnas';
export type { Nb201OpId } from './nb201';
export type { ResolutionOpId, ResolutionToken } from './resolution';
