import { describe, expect, it } from 'vitest';
import { CELL_OP_TABLE, type CellOpId } from '../../src/core/ops/cell';
import { CHAIN_OP_TABLE, CHAIN_STRIDED_SKIP, type ChainOpId } from '../../src/core/ops/chain';
import { opCost, type OpShape } from '../../src/core/ops/cost';
import { OP_TABLES, type OpId } from '../../src/core/ops/index';
import { mnasBlockCost, MNAS_OP_TABLE, type MnasOpId } from '../../src/core/ops/mnas';
import { NB201_OP_TABLE, type Nb201OpId } from '../../src/core/ops/nb201';
import { RESOLUTION_OP_TABLE, type ResolutionOpId } from '../../src/core/ops/resolution';
import type { Cost } from '../../src/core/space/types';
import { createRng } from '../../src/core/rng';
import { BuildContext, countParams } from '../../src/nn/layers';
import { buildOp, OP_FACTORIES, type OpArgs } from '../../src/nn/op-factories';
import { on, seeded, tf } from './helpers';

interface Case {
  op: OpId;
  args: OpArgs;
  /** Input height and width. */
  size: [number, number];
  cost: Cost;
}

const layerCase = (op: OpId, table: Record<string, Parameters<typeof opCost>[0]>, shape: OpShape, extra: Partial<OpArgs> = {}): Case => ({
  op,
  args: { cin: shape.cin, cout: shape.cout, stride: shape.stride, ...(shape.onePixel ? { onePixel: true } : {}), ...extra },
  size: [shape.height, shape.width],
  cost: opCost(table[op]!, shape),
});

// Each op the way its vocabulary uses it: cells at stride 1 and 2 (reduction cells' input edges), on an odd size too.
const cellCases = (Object.keys(CELL_OP_TABLE) as CellOpId[]).flatMap((op) =>
  [1, 2].flatMap((stride) =>
    [
      [8, 8],
      [6, 10],
    ].map(([h, w]) => layerCase(op, CELL_OP_TABLE, { cin: 4, cout: 4, height: h!, width: w!, stride })),
  ),
);
const nb201Cases = (Object.keys(NB201_OP_TABLE) as Nb201OpId[]).map((op) => layerCase(op, NB201_OP_TABLE, { cin: 3, cout: 3, height: 8, width: 8, stride: 1 }));
// Chains: a conv maps the concatenated inputs to its width; strided anything; on tables and points, a 1 × 1 map.
const chainCases = (Object.keys(CHAIN_OP_TABLE) as ChainOpId[]).flatMap((op) => {
  const cout = CHAIN_OP_TABLE[op].hasWidth ? 8 : 3;
  const reduce = { reduce: CHAIN_STRIDED_SKIP };
  return [
    layerCase(op, CHAIN_OP_TABLE, { cin: 3, cout, height: 7, width: 7, stride: 1 }, reduce),
    layerCase(op, CHAIN_OP_TABLE, { cin: 3, cout, height: 7, width: 7, stride: 2 }, reduce),
    layerCase(op, CHAIN_OP_TABLE, { cin: 3, cout, height: 1, width: 1, stride: 1, onePixel: true }, reduce),
  ];
});
const resolutionCases = (Object.keys(RESOLUTION_OP_TABLE) as ResolutionOpId[]).map((op) =>
  layerCase(op, RESOLUTION_OP_TABLE, { cin: 4, cout: 4, height: 8, width: 8, stride: 1 }),
);
const mnasCases = (Object.keys(MNAS_OP_TABLE) as MnasOpId[]).flatMap((op) =>
  [
    { cin: 4, cout: 6, stride: 2, kernel: 5, se: 0.25, skip: true },
    { cin: 6, cout: 6, stride: 1, kernel: 3, se: 0, skip: true },
  ].map((b): Case => ({ op, args: b, size: [8, 8], cost: mnasBlockCost(MNAS_OP_TABLE[op], { ...b, height: 8, width: 8 }) })),
);

const FAMILIES: Array<[string, Case[]]> = [
  ['cell', cellCases],
  ['nb201', nb201Cases],
  ['chain', chainCases],
  ['resolution', resolutionCases],
  ['mnas', mnasCases],
];

describe('the op factory table', () => {
  it('has a factory for every op of every vocabulary, and no other', () => {
    const ids = new Set(Object.values(OP_TABLES).flatMap((table) => Object.keys(table)));
    expect(new Set(Object.keys(OP_FACTORIES))).toEqual(ids);
  });

  describe.each(FAMILIES)('%s ops', (_family, cases) => {
    it.each(cases.map((c) => [`${c.op} ${JSON.stringify(c.args)} on ${c.size.join('×')}`, c] as const))(
      '%s: cost from the table equals the built layer’s weights and multiply–adds',
      async (_name, c) => {
        await on('wasm');
        const ctx = new BuildContext(createRng(`op-${c.op}`));
        try {
          const layer = buildOp(ctx, c.op, c.args);
          expect(countParams(ctx.trainable)).toBe(c.cost.params);
          if (!layer) {
            expect(c.cost).toEqual({ params: 0, flops: 0 });
            return;
          }
          const x = seeded([2, c.size[0], c.size[1], c.args.cin], 'x') as tf.Tensor4D;
          ctx.counting = true;
          const y = tf.tidy(() => layer(x, false));
          ctx.counting = false;
          expect(ctx.macs).toBe(c.cost.flops);
          const out = c.args.onePixel ? 1 : c.args.stride;
          expect(y.shape).toEqual([2, Math.ceil(c.size[0] / out), Math.ceil(c.size[1] / out), c.args.cout]);
          tf.dispose([x, y]);
        } finally {
          ctx.dispose();
        }
      },
    );
  });
});
