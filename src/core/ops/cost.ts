import type { Cost } from '../space/types';
import type { CostPart, LayerOpInfo } from './types';

export interface OpShape {
  /** Channels in and out (equal for cell, NB201 and resolution ops; a chain's conv maps one to the other). */
  cin: number;
  cout: number;
  /** The input's height and width. */
  height: number;
  width: number;
  stride: number;
  /** A 1 × 1 map (a chain on tables or points): every kernel sees only its centre, so it is built 1 × 1. */
  onePixel?: boolean;
}

export const ZERO_COST: Cost = { params: 0, flops: 0 };

export function addCost(a: Cost, b: Cost): Cost {
  return { params: a.params + b.params, flops: a.flops + b.flops };
}

/** Parameters and multiply–accumulates of some layers run in order; FLOPs are counted at each layer's output size. */
export function partsCost(parts: readonly CostPart[], shape: OpShape): Cost {
  const { cin, cout, stride } = shape;
  let channels = cin;
  let rows = shape.height;
  let cols = shape.width;
  let total = ZERO_COST;
  for (const part of parts) {
    if ('bn' in part) {
      total = addCost(total, { params: 2 * cout, flops: 0 });
      continue;
    }
    const [kh, kw] = shape.onePixel ? [1, 1] : part.conv;
    const inC = part.branch ? cin : channels;
    let [outRows, outCols] = part.branch ? [shape.height, shape.width] : [rows, cols];
    if (part.stride === 'both' || part.stride === 'rows') outRows = Math.ceil(outRows / stride);
    if (part.stride === 'both' || part.stride === 'cols') outCols = Math.ceil(outCols / stride);
    const outC = part.depthwise ? inC : part.half ? cout / 2 : cout;
    const weights = part.depthwise ? kh * kw * inC : kh * kw * inC * outC;
    total = addCost(total, { params: weights, flops: weights * outRows * outCols });
    channels = outC;
    rows = outRows;
    cols = outCols;
  }
  return total;
}

/** The cost of one op of a layer vocabulary at a given input, read from its table entry. */
export function opCost(op: LayerOpInfo, shape: OpShape): Cost {
  return partsCost(shape.stride > 1 && op.strided ? op.strided : op.cost, shape);
}

/** Depthwise k × k (dilated or not: the same weights) then pointwise 1 × 1 then BN, the first conv strided: DARTS's DilConv. */
export function separableParts(k: number): CostPart[] {
  return [{ conv: [k, k], depthwise: true, stride: 'both' }, { conv: [1, 1] }, { bn: true }];
}

/** A full k × k conv then BN. */
export function convParts(k: number): CostPart[] {
  return [{ conv: [k, k], stride: 'both' }, { bn: true }];
}

/** DARTS's FactorizedReduce: two stride-2 1 × 1 convs to half the channels each (one a pixel shifted), concatenated, BN. */
export const FACTORIZED_REDUCE: readonly CostPart[] = [
  { conv: [1, 1], stride: 'both', half: true },
  { conv: [1, 1], stride: 'both', half: true, branch: true },
  { bn: true },
];
