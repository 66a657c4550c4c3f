import { describe, expect, it } from 'vitest';
import { DEFAULT_ONE_SHOT } from '../../../src/core/one-shot';
import { createRng } from '../../../src/core/rng';
import { ResolutionSpace } from '../../../src/core/space/resolution';
import { viterbiPath } from '../../../src/core/space/resolution-trellis';
import { Darts, type MethodSetup } from '../../../src/engine/one-shot/methods';
import { buildSupernet } from '../../../src/nn/supernet/index';
import type { TrainData } from '../../../src/nn/train';
import { on } from '../../nn/helpers';

const space = new ResolutionSpace({ layers: 3, levels: 3, channels: 2 });
const input = { height: 8, width: 8, channels: 1 };

function setup(order: 1 | 2): MethodSetup {
  const rng = createRng('beta-data');
  const split = (n: number) => ({ x: Float32Array.from({ length: n * 64 }, () => rng.next()), y: Int32Array.from({ length: n }, () => rng.int(3)), n });
  const data: TrainData = { input, classes: 3, train: split(12), val: split(12) };
  const supernet = buildSupernet(space, input, 3, createRng('beta-supernet'));
  return {
    id: 'darts',
    space,
    supernet,
    data,
    training: { epochs: 1, batchSize: 12, optimizer: 'sgd', learningRate: 0.05, weightDecay: 0 },
    settings: { ...DEFAULT_ONE_SHOT, epochs: 1, archLearningRate: 0.3, order },
    seed: 5,
    stage: 0,
    allowed: supernet.edges.map(() => supernet.ops.map(() => true)),
    skipDropout: 0,
    between: async () => {},
    progress: () => {},
  };
}

describe('DARTS learns Auto-DeepLab’s β beside α', () => {
  it.each([1, 2] as const)('order %i: one architecture step moves β (each row a distribution over its moves on the ladder) and α', async (order) => {
    await on('wasm');
    const s = setup(order);
    const method = new Darts(s);
    try {
      const before = await method.view();
      await method.trainEpoch(1); // one batch: one architecture step, then one weight step
      const after = await method.view();
      const rows = s.supernet.trellis!;
      expect(after.beta).toHaveLength(rows.length);
      after.beta!.forEach((row, i) => {
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        row.forEach((p, k) => (rows[i]!.moves[k] ? expect(p).toBeGreaterThan(0) : expect(p).toBeLessThan(1e-6)));
      });
      const moved = (a: number[][], b: number[][]) => Math.max(...a.flatMap((row, i) => row.map((p, k) => Math.abs(p - b[i]![k]!))));
      expect(moved(before.beta!, after.beta!)).toBeGreaterThan(1e-4);
      expect(moved(before.probs, after.probs)).toBeGreaterThan(1e-4);
      // What the method returns: the block of the largest α, the path Viterbi decodes from β.
      const g = (await method.current(1)) as { path: number[]; block: string };
      expect(g.path).toEqual(viterbiPath(rows, after.beta!, 3, 3));
      expect(g.block).toBe(space.decisions().at(-1)!.options[after.probs[0]!.indexOf(Math.max(...after.probs[0]!))]);
    } finally {
      method.dispose();
      s.supernet.dispose();
    }
  });

  it('a checkpoint carries β: a method restored from it sees the same β and returns the same path', async () => {
    await on('wasm');
    const s = setup(1);
    const first = new Darts(s);
    await first.trainEpoch(1);
    const state = await first.save();
    expect(state.beta).toBeInstanceOf(Float32Array);
    const view = await first.view();
    const returned = await first.current(1);
    first.dispose();
    s.supernet.dispose();
    const t = setup(1);
    const second = new Darts({ ...t, seed: 99 });
    try {
      expect((await second.view()).beta).not.toEqual(view.beta);
      second.restore(state);
      const restored = await second.view();
      restored.beta!.forEach((row, i) => row.forEach((p, k) => expect(p).toBeCloseTo(view.beta![i]![k]!, 6)));
      expect(await second.current(1)).toEqual(returned);
    } finally {
      second.dispose();
      t.supernet.dispose();
    }
  });
});
