import { FACTORIZED_REDUCE, separableParts } from './cost';
import type { CostPart, LayerOpInfo } from './types';

/** DARTS's SepConv: its DilConv (depthwise k × k, pointwise, BN; strided) twice, the second at stride 1. */
const sepConv = (k: number): CostPart[] => [...separableParts(k), { conv: [k, k], depthwise: true }, { conv: [1, 1] }, { bn: true }];

/**
 * The ops of cell spaces (NASNet, Zoph et al. 2018; DARTS, Liu et al. 2019), and `none`, the zero
 * op of DARTS's relaxation (in supernets only). Ids are the spelling of cell genotypes' encoded
 * strings. A dilated conv has the weights of an undilated one; only its reach differs.
 */
export const CELL_OP_TABLE = {
  none: { label: 'zero', color: '#cbd5e1', parameterFree: true, cost: [] },
  max_pool_3x3: { label: 'max pool 3×3', color: '#dc2626', parameterFree: true, cost: [] },
  avg_pool_3x3: { label: 'avg pool 3×3', color: '#ea580c', parameterFree: true, cost: [] },
  skip_connect: { label: 'skip', color: '#64748b', parameterFree: true, cost: [], strided: FACTORIZED_REDUCE },
  sep_conv_3x3: { label: 'sep conv 3×3', color: '#2563eb', parameterFree: false, cost: sepConv(3) },
  sep_conv_5x5: { label: 'sep conv 5×5', color: '#7c3aed', parameterFree: false, cost: sepConv(5) },
  sep_conv_7x7: { label: 'sep conv 7×7', color: '#a21caf', parameterFree: false, cost: sepConv(7) },
  dil_conv_3x3: { label: 'dil conv 3×3', color: '#0d9488', parameterFree: false, cost: separableParts(3) },
  dil_conv_5x5: { label: 'dil conv 5×5', color: '#15803d', parameterFree: false, cost: separableParts(5) },
  // ReLU, 1 × 7 with stride (1, s), then 7 × 1 with stride (s, 1), BN.
  conv_7x1_1x7: {
    label: 'conv 1×7+7×1',
    color: '#b45309',
    parameterFree: false,
    cost: [{ conv: [1, 7], stride: 'cols' }, { conv: [7, 1], stride: 'rows' }, { bn: true }],
  },
  max_pool_5x5: { label: 'max pool 5×5', color: '#9f1239', parameterFree: true, cost: [] },
} as const satisfies Record<string, LayerOpInfo>;

export type CellOpId = keyof typeof CELL_OP_TABLE;
/** The ops a cell genotype may use: all but the relaxation's zero. */
export type CellOp = Exclude<CellOpId, 'none'>;

/** The two vocabularies, in sampling order: DARTS's seven non-zero ops, and the NASNet/AmoebaNet ones the presets use. */
export const CELL_OP_SETS = {
  darts: ['max_pool_3x3', 'avg_pool_3x3', 'skip_connect', 'sep_conv_3x3', 'sep_conv_5x5', 'dil_conv_3x3', 'dil_conv_5x5'],
  nasnet: ['max_pool_3x3', 'avg_pool_3x3', 'skip_connect', 'sep_conv_3x3', 'sep_conv_5x5', 'sep_conv_7x7', 'conv_7x1_1x7', 'max_pool_5x5'],
} as const satisfies Record<string, readonly CellOp[]>;
export type CellOpSet = keyof typeof CELL_OP_SETS;
