import { describe, expect, it } from 'vitest';
import { CELL_OP_SETS, CELL_OP_TABLE } from '../../../src/core/ops/cell';
import { CHAIN_OP_TABLE, CHAIN_TOKENS, chainOpId, MLP_TOKENS } from '../../../src/core/ops/chain';
import { FACTORIZED_REDUCE, opCost, partsCost } from '../../../src/core/ops/cost';
import { isOpId, opInfo, OP_TABLES, type OpId } from '../../../src/core/ops/index';
import { NB201_OP_TABLE } from '../../../src/core/ops/nb201';
import { RESOLUTION_OP_TABLE, RESOLUTION_TOKENS, resolutionOpId } from '../../../src/core/ops/resolution';
import type { LayerOpInfo, OpInfo } from '../../../src/core/ops/types';

const vocabularies = Object.entries(OP_TABLES) as Array<[string, Record<string, OpInfo>]>;
const everyOp = vocabularies.flatMap(([vocabulary, table]) => Object.entries(table).map(([id, info]) => [vocabulary, id, info] as const));

describe('op tables', () => {
  it.each(everyOp)('%s / %s: has a label of its own and a colour', (_vocabulary, id, info) => {
    expect(info.label.length).toBeGreaterThan(0);
    expect(info.label).not.toBe(id); // an unknown op would be drawn with its bare name
    expect(info.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(isOpId(id)).toBe(true);
  });

  it.each(vocabularies)('%s: no two ops share a colour or a label, so every op is told apart in a drawing', (_vocabulary, table) => {
    const infos = Object.values(table);
    expect(new Set(infos.map((i) => i.color)).size).toBe(infos.length);
    expect(new Set(infos.map((i) => i.label)).size).toBe(infos.length);
  });

  it('gives an op that several spaces share one look: the same label, colour and weights everywhere', () => {
    const seen = new Map<string, OpInfo>();
    let shared = 0;
    for (const [, id, info] of everyOp) {
      const first = seen.get(id);
      if (!first) {
        seen.set(id, info);
        continue;
      }
      shared++;
      expect({ label: info.label, color: info.color, parameterFree: info.parameterFree }, id).toEqual({
        label: first.label,
        color: first.color,
        parameterFree: first.parameterFree,
      });
      expect(opInfo(id as OpId).label).toBe(first.label);
    }
    expect(shared).toBeGreaterThanOrEqual(6); // none, skip and avg pool (NB201), pooling and skip (chain), conv 3×3 and dil conv (resolution)
  });

  it.each(everyOp.filter(([, , info]) => 'cost' in info))(
    '%s / %s: is parameter-free exactly when it has no weighted layer at stride 1',
    (_vocabulary, _id, info) => {
      expect(info.parameterFree).toBe((info as LayerOpInfo).cost.length === 0);
    },
  );

  it('keeps the spellings inside encoded strings (share links hash over them) and maps them to op ids', () => {
    expect(CHAIN_TOKENS).toEqual(['conv3x3', 'conv5x5', 'conv1x1', 'max_pool3x3', 'avg_pool3x3', 'identity']);
    expect(CHAIN_TOKENS.map(chainOpId)).toEqual(['conv_3x3', 'conv_5x5', 'conv_1x1', 'max_pool_3x3', 'avg_pool_3x3', 'skip_connect']);
    expect(MLP_TOKENS.map(chainOpId)).toEqual(['skip_connect', 'dense']);
    expect(RESOLUTION_TOKENS).toEqual(['conv3x3', 'sep_conv_3x3', 'sep_conv_5x5', 'dil_conv_3x3']);
    expect(RESOLUTION_TOKENS.map(resolutionOpId)).toEqual(['conv_3x3', 'single_sep_conv_3x3', 'single_sep_conv_5x5', 'dil_conv_3x3']);
    expect(Object.keys(NB201_OP_TABLE)).toEqual(['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3']);
    expect(CELL_OP_SETS.darts).toEqual(['max_pool_3x3', 'avg_pool_3x3', 'skip_connect', 'sep_conv_3x3', 'sep_conv_5x5', 'dil_conv_3x3', 'dil_conv_5x5']);
    for (const set of Object.values(CELL_OP_SETS)) for (const op of set) expect(CELL_OP_TABLE[op]).toBeDefined();
  });
});

describe('op costs read from the tables', () => {
  const shape = (c: number, stride: number) => ({ cin: c, cout: c, height: 8, width: 8, stride });

  it.each([
    [3, 'sep_conv_3x3'],
    [5, 'sep_conv_5x5'],
    [7, 'sep_conv_7x7'],
  ] as const)('DARTS sep conv, k = %i (%s): two depthwise-pointwise-BN blocks, 2(k²C + C² + 2C) weights', (k, id) => {
    const c = 6;
    const op = CELL_OP_TABLE[id];
    expect(opCost(op, shape(c, 1)).params).toBe(2 * (k * k * c + c * c + 2 * c));
    // Strided, the first depthwise conv and everything after it run at 4 × 4.
    expect(opCost(op, shape(c, 2)).flops).toBe(2 * (k * k * c + c * c) * 16);
  });

  it('a stride-1 skip has no weights; strided, a reduction cell’s is a FactorizedReduce and a chain’s keeps every second pixel', () => {
    expect(opCost(CELL_OP_TABLE.skip_connect, shape(4, 1))).toEqual({ params: 0, flops: 0 });
    expect(opCost(CELL_OP_TABLE.skip_connect, shape(4, 2))).toEqual(partsCost(FACTORIZED_REDUCE, shape(4, 2)));
    expect(opCost(CELL_OP_TABLE.skip_connect, shape(4, 2))).toEqual({ params: 2 * 4 * 2 + 2 * 4, flops: 2 * 4 * 2 * 16 });
    expect(opCost(CHAIN_OP_TABLE.skip_connect, shape(4, 2))).toEqual({ params: 0, flops: 0 });
  });

  it('a chain conv maps its input channels to its width, and on a 1 × 1 map is built 1 × 1', () => {
    expect(opCost(CHAIN_OP_TABLE.conv_5x5, { cin: 3, cout: 8, height: 7, width: 7, stride: 2 })).toEqual({ params: 25 * 3 * 8 + 16, flops: 25 * 3 * 8 * 16 });
    expect(opCost(CHAIN_OP_TABLE.conv_5x5, { cin: 3, cout: 8, height: 1, width: 1, stride: 1, onePixel: true })).toEqual({ params: 3 * 8 + 16, flops: 3 * 8 });
  });

  it('NASNet’s 1 × 7 then 7 × 1 conv strides one axis at a time', () => {
    const c = 4;
    expect(opCost(CELL_OP_TABLE.conv_7x1_1x7, { cin: c, cout: c, height: 8, width: 6, stride: 2 })).toEqual({
      params: 14 * c * c + 2 * c,
      flops: 7 * c * c * (8 * 3) + 7 * c * c * (4 * 3),
    });
  });

  it('resolution blocks: one separable conv (half of DARTS’s), the cells’ dilated conv, the chain’s conv', () => {
    const c = 4;
    expect(opCost(RESOLUTION_OP_TABLE.single_sep_conv_5x5, shape(c, 1)).params).toBe(25 * c + c * c + 2 * c);
    expect(RESOLUTION_OP_TABLE.dil_conv_3x3.cost).toEqual(CELL_OP_TABLE.dil_conv_3x3.cost);
    expect(opCost(RESOLUTION_OP_TABLE.conv_3x3, shape(c, 1)).params).toBe(9 * c * c + 2 * c);
  });
});
