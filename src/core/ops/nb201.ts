import { CELL_OP_TABLE } from './cell';
import type { CostPart, LayerOpInfo } from './types';

/** ReLU, k × k conv, BN: what the benchmark calls nor_conv. */
const norConv = (k: number): CostPart[] => [{ conv: [k, k], stride: 'both' }, { bn: true }];

/**
 * The NAS-Bench-201 ops (Dong & Yang 2020), in the benchmark's order (its table is indexed by it).
 * none, skip and average pooling are the cell ops of the same names; the benchmark's convs are
 * ReLU-conv-BN, unlike a chain's conv-BN-ReLU, so they are ops of their own.
 */
export const NB201_OP_TABLE = {
  none: CELL_OP_TABLE.none,
  skip_connect: CELL_OP_TABLE.skip_connect,
  nor_conv_1x1: { label: 'conv 1×1', color: '#0891b2', parameterFree: false, cost: norConv(1) },
  nor_conv_3x3: { label: 'conv 3×3', color: '#2563eb', parameterFree: false, cost: norConv(3) },
  avg_pool_3x3: CELL_OP_TABLE.avg_pool_3x3,
} as const satisfies Record<string, LayerOpInfo>;

export type Nb201OpId = keyof typeof NB201_OP_TABLE;
