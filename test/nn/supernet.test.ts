import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { CELL_OP_SETS, CellSpace, type CellGenotype, type CellOp } from '../../src/core/space/cell';
import { NB201_EDGES, NB201_OPS, Nb201Space } from '../../src/core/space/nb201';
import type { InputShape, SearchSpace } from '../../src/core/space/types';
import { buildNetwork } from '../../src/nn/build';
import { buildSupernet, pathChooser, type Supernet } from '../../src/nn/supernet/index';
import { expectSameInBothModes, maxAbsDiff, on, seeded, shareWeights, tf } from './helpers';

const CASES: Array<[string, SearchSpace, InputShape]> = [
  ['NB201, 2 cells per stage', new Nb201Space({ channels: 4, cellsPerStage: 2 }) as SearchSpace, { height: 8, width: 8, channels: 1 }],
  ['DARTS cells, 3 nodes', new CellSpace({ nodes: 3, channels: 4, cellsPerStage: 1, stemMultiplier: 2 }) as SearchSpace, { height: 8, width: 8, channels: 3 }],
];

/** Copies a genotype's weights from the supernet into its stand-alone model and checks both compute the same, in both modes. */
function expectSameFunction(supernet: Supernet, space: SearchSpace, g: unknown, input: InputShape, seed: string): void {
  const path = pathChooser(supernet.pathOf(g));
  const x = seeded([3, input.height, input.width, input.channels], `x-${seed}`) as tf.Tensor4D;
  tf.tidy(() => supernet.apply(x, true, path));
  const net = buildNetwork(space, g, input, 5, createRng(`standalone-${seed}`));
  shareWeights(supernet, g, net);
  expectSameInBothModes(supernet, net, x, path, space.encode(g));
  supernet.ctx.statisticsMode = { kind: 'momentum' };
  net.ctx.dispose();
  x.dispose();
}

/** A 3-node cell with `op` on every edge: nodes read both cell inputs (strided in a reduction cell) and earlier nodes (not strided). */
function uniformCell(op: CellOp): CellGenotype {
  const spec = {
    edges: [
      [op, 0],
      [op, 1],
      [op, 1],
      [op, 2],
      [op, 0],
      [op, 3],
    ] as CellGenotype['normal']['edges'],
    concat: [2, 3, 4],
  };
  return { normal: spec, reduce: spec };
}

const EVERY_SUPERNET_OP: Array<[string, SearchSpace, InputShape, unknown]> = [
  ...CELL_OP_SETS.darts.map((op): [string, SearchSpace, InputShape, unknown] => [
    `DARTS cell / ${op}`,
    new CellSpace({ nodes: 3, channels: 4, stemMultiplier: 2 }) as SearchSpace,
    { height: 8, width: 8, channels: 3 },
    uniformCell(op),
  ]),
  ...NB201_OPS.map((op): [string, SearchSpace, InputShape, unknown] => [
    `NB201 / ${op}`,
    new Nb201Space({ channels: 4 }) as SearchSpace,
    { height: 8, width: 8, channels: 1 },
    { ops: NB201_EDGES.map(() => op) },
  ]),
];

describe('weight-sharing supernet', () => {
  it.each(EVERY_SUPERNET_OP)('%s on every edge: the supernet’s path and the stand-alone builder build the same layers', async (name, space, input, g) => {
    await on('wasm');
    const supernet = buildSupernet(space, input, 5, createRng(`every-op-${name}`));
    try {
      expectSameFunction(supernet, space, g, input, name);
    } finally {
      supernet.dispose();
    }
  });

  it.each(CASES)('%s: a sub-network computes the same function as the stand-alone model with the same weights', async (_name, space, input) => {
    await on('wasm');
    const rng = createRng(`supernet-${_name}`);
    const supernet = buildSupernet(space, input, 5, rng.fork('supernet'));
    // Train-mode passes move the running statistics away from their initial values, so copying them is tested too.
    for (let i = 0; i < 6; i++) expectSameFunction(supernet, space, space.sample(rng), input, `${i}`);
    const g1 = space.sample(createRng('other-1'));
    const g2 = space.sample(createRng('other-2'));
    const x = seeded([2, input.height, input.width, input.channels], 'x-other') as tf.Tensor4D;
    const [a, b] = [g1, g2].map((g) => tf.tidy(() => supernet.apply(x, false, pathChooser(supernet.pathOf(g)))));
    expect(maxAbsDiff(a!, b!)).toBeGreaterThan(1e-3);
    supernet.dispose();
    tf.dispose([a!, b!, x]);
  });

  it('the cell supernet counts none plus the seven DARTS ops on 2 + 3 + … edges per cell type', async () => {
    await on('wasm');
    const space = new CellSpace({ nodes: 4, channels: 4 });
    const supernet = buildSupernet(space, { height: 8, width: 8, channels: 1 }, 3, createRng('count'));
    expect(supernet.ops).toHaveLength(8);
    expect(supernet.ops[0]).toBe('none');
    expect(supernet.edges).toHaveLength(28);
    expect(supernet.parameterFree.filter(Boolean)).toHaveLength(4);
    supernet.dispose();
  });

  it('refuses spaces it has no supernet for, and cell spaces with the NASNet ops', async () => {
    await on('wasm');
    expect(() => buildSupernet(new CellSpace({ ops: 'nasnet', concat: 'unused' }), { height: 8, width: 8, channels: 1 }, 3, createRng('x'))).toThrow(
      /DARTS op set/,
    );
  });
});
