import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { CELL_OP_SETS, CellSpace, type CellGenotype, type CellOp, type CellOpSet } from '../../src/core/space/cell';
import { CELL_PRESETS } from '../../src/core/space/cell-presets';
import { ChainSpace } from '../../src/core/space/chain';
import { HierSpace } from '../../src/core/space/hier';
import { MnasSpace } from '../../src/core/space/mnas';
import { ResolutionSpace } from '../../src/core/space/resolution';
import { Nb201Space } from '../../src/core/space/nb201';
import type { InputShape, SearchSpace } from '../../src/core/space/types';
import { buildNetwork } from '../../src/nn/build';
import { countParams } from '../../src/nn/layers';
import { on, tf } from './helpers';

const CASES: Array<[string, SearchSpace, InputShape]> = [
  ['chain on 8×8 images', new ChainSpace() as SearchSpace, { height: 8, width: 8, channels: 1 }],
  ['chain on 2-D points', new ChainSpace({ depth: 6, widths: [4, 16] }) as SearchSpace, { height: 1, width: 1, channels: 2 }],
  ['chain on 16×16 RGB', new ChainSpace({ depth: 3 }) as SearchSpace, { height: 16, width: 16, channels: 3 }],
  ['chain, 6 layers, on odd 7×7 images (strided skips)', new ChainSpace({ depth: 6 }) as SearchSpace, { height: 7, width: 7, channels: 1 }],
  ['NB201 on 8×8', new Nb201Space() as SearchSpace, { height: 8, width: 8, channels: 1 }],
  ['MnasNet stages on 8×8', new MnasSpace() as SearchSpace, { height: 8, width: 8, channels: 1 }],
  ['resolution path on 8×8', new ResolutionSpace() as SearchSpace, { height: 8, width: 8, channels: 1 }],
  [
    'resolution path, 10 layers, 3 levels, on 16×16 RGB',
    new ResolutionSpace({ layers: 10, levels: 3, channels: 6 }) as SearchSpace,
    { height: 16, width: 16, channels: 3 },
  ],
  [
    'MnasNet stages on 16×16 RGB',
    new MnasSpace({ baseWidths: [8, 16, 24], strides: [2, 2, 1], baseLayers: [2, 1, 1], stemChannels: 6 }) as SearchSpace,
    { height: 16, width: 16, channels: 3 },
  ],
  [
    'NB201, 2 cells per stage, 12 channels, on 16×16',
    new Nb201Space({ channels: 12, cellsPerStage: 2 }) as SearchSpace,
    { height: 16, width: 16, channels: 3 },
  ],
  ['hierarchical motifs on 8×8', new HierSpace() as SearchSpace, { height: 8, width: 8, channels: 1 }],
  [
    'hierarchical, 3 cells, 5-node cell, 2 motifs of 3 nodes, on 16×16 RGB',
    new HierSpace({ cells: 3, cellNodes: 5, motifs: 2, motifNodes: 3, channels: 6 }) as SearchSpace,
    { height: 16, width: 16, channels: 3 },
  ],
];

describe('models built from genotypes', () => {
  it.each(CASES)('%s: params and FLOPs from the space equal the built model’s', async (_name, space, input) => {
    await on('wasm');
    const rng = createRng(`cost-${_name}`);
    for (let i = 0; i < 25; i++) {
      const g = space.sample(rng);
      const classes = 3 + (i % 8);
      const net = buildNetwork(space, g, input, classes, rng.fork(`init-${i}`));
      try {
        const cost = space.cost(g, input, classes);
        expect(countParams(net.ctx.trainable), space.encode(g)).toBe(cost.params);
        net.ctx.counting = true;
        const logits = tf.tidy(() => net.apply(tf.zeros([2, input.height, input.width, input.channels]), false));
        net.ctx.counting = false;
        expect(logits.shape).toEqual([2, classes]);
        logits.dispose();
        expect(net.ctx.macs, space.encode(g)).toBe(cost.flops);
      } finally {
        net.ctx.dispose();
      }
    }
  });

  it('initialises the same genotype to the same weights from the same seed, on any backend', async () => {
    const space = new Nb201Space();
    const g = space.sample(createRng('same-weights'));
    const weights = async (backend: 'cpu' | 'wasm', seed: string) => {
      await on(backend);
      const net = buildNetwork(space, g, { height: 8, width: 8, channels: 1 }, 10, createRng(seed));
      const values = net.ctx.trainable.map((v) => Array.from(v.dataSync()));
      net.ctx.dispose();
      return values;
    };
    expect(await weights('wasm', 'a')).toEqual(await weights('cpu', 'a'));
    expect(await weights('wasm', 'a')).not.toEqual(await weights('wasm', 'b'));
  });
});

describe('cell networks', () => {
  it.each([
    ['DARTS ops', new CellSpace({ channels: 4 }), { height: 8, width: 8, channels: 1 }],
    [
      'NASNet ops, 5 nodes, 2 cells per stage',
      new CellSpace({ nodes: 5, ops: 'nasnet', concat: 'unused', channels: 4, cellsPerStage: 2 }),
      { height: 8, width: 8, channels: 3 },
    ],
  ] as const)('%s: params and FLOPs from the space equal the built model’s', async (_name, space, input) => {
    await on('wasm');
    const rng = createRng(`cell-cost-${_name}`);
    for (let i = 0; i < 6; i++) {
      const g = space.sample(rng);
      const net = buildNetwork(space as never, g, input, 10, rng.fork(`init-${i}`));
      try {
        const cost = space.cost(g, input, 10);
        expect(countParams(net.ctx.trainable), space.encode(g)).toBe(cost.params);
        net.ctx.counting = true;
        const logits = tf.tidy(() => net.apply(tf.zeros([2, input.height, input.width, input.channels]), false));
        net.ctx.counting = false;
        expect(logits.shape).toEqual([2, 10]);
        logits.dispose();
        expect(net.ctx.macs, space.encode(g)).toBe(cost.flops);
      } finally {
        net.ctx.dispose();
      }
    }
  });

  it.each(CELL_PRESETS.map((p) => [p.title, p] as const))('%s builds, matches its cost and trains a step', async (_title, preset) => {
    await on('wasm');
    const space = new CellSpace({ ...preset.settings, channels: 4 });
    await expectTrainsAStep(space, preset.genotype);
  });

  // Every op of every op set, alone on every edge, strided (reduction cells' inputs) and not.
  const everyCellOp = [...new Set(Object.values(CELL_OP_SETS).flat())].map(
    (op) => [op, (Object.keys(CELL_OP_SETS) as CellOpSet[]).find((set) => (CELL_OP_SETS[set] as readonly CellOp[]).includes(op))!] as const,
  );
  it.each(everyCellOp)('%s (%s op set) on every edge builds, matches its cost and trains a step', async (op, ops) => {
    await on('wasm');
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
    await expectTrainsAStep(new CellSpace({ nodes: 3, ops, concat: 'all', channels: 4 }), { normal: spec, reduce: spec });
  });
});

/** Builds a cell network, checks its cost and that one step gives every weight a finite gradient and moves them. */
async function expectTrainsAStep(space: CellSpace, genotype: CellGenotype): Promise<void> {
  const input = { height: 8, width: 8, channels: 1 };
  const net = buildNetwork(space, genotype, input, 10, createRng('preset'));
  try {
    expect(space.parse(genotype)).toEqual(genotype);
    expect(countParams(net.ctx.trainable)).toBe(space.cost(genotype, input, 10).params);
    const x = tf.randomUniform([4, 8, 8, 1]) as tf.Tensor4D;
    const y = tf.oneHot(tf.tensor1d([1, 2, 3, 4], 'int32'), 10);
    const before = net.ctx.trainable.map((v) => v.dataSync().slice());
    const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, net.apply(x, true)) as tf.Scalar, net.ctx.trainable);
    expect(Number.isFinite(value.dataSync()[0]!)).toBe(true);
    // Every weight gets a finite gradient, and a step changes them.
    expect(Object.keys(grads)).toHaveLength(net.ctx.trainable.length);
    expect(Object.values(grads).every((g) => g.dataSync().every(Number.isFinite))).toBe(true);
    net.ctx.trainable.forEach((v) => v.assign(tf.sub(v, tf.mul(grads[v.name]!, 0.1))));
    expect(net.ctx.trainable.some((v, i) => v.dataSync().some((n, k) => n !== before[i]![k]))).toBe(true);
    tf.dispose([x, y, value, ...Object.values(grads)]);
  } finally {
    net.ctx.dispose();
  }
}
