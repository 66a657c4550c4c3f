import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { RESOLUTION_BLOCKS, ResolutionSpace, type ResolutionGenotype } from '../../../src/core/space/resolution';
import { movesOfPath } from '../../../src/core/space/resolution-trellis';
import type { InputShape } from '../../../src/core/space/types';
import { buildNetwork } from '../../../src/nn/build';
import { buildSupernet, pathChooser, ResolutionSupernet } from '../../../src/nn/supernet/index';
import { expectSameInBothModes, on, seeded, shareWeights, tf } from '../helpers';

const input: InputShape = { height: 8, width: 8, channels: 1 };
const space = new ResolutionSpace({ layers: 4, levels: 3, channels: 4 });

/** Every block once, on paths that go down, stay, come back up and end on each level. */
const GENOTYPES: ResolutionGenotype[] = [
  { path: [1, 2, 1, 0], block: RESOLUTION_BLOCKS[0]! },
  { path: [0, 0, 1, 1], block: RESOLUTION_BLOCKS[1]! },
  { path: [1, 1, 2, 2], block: RESOLUTION_BLOCKS[2]! },
  { path: [1, 0, 1, 2], block: RESOLUTION_BLOCKS[3]! },
];

describe('Auto-DeepLab supernet over the resolution trellis', () => {
  it.each(GENOTYPES.map((g) => [space.encode(g), g] as const))(
    'a one-hot β and α (%s) compute the stand-alone network with the weights it shares',
    async (name, g) => {
      await on('wasm');
      const supernet = buildSupernet(space, input, 5, createRng(`resolution-${name}`));
      expect(supernet).toBeInstanceOf(ResolutionSupernet);
      const x = seeded([3, 8, 8, 1], `x-${name}`) as tf.Tensor4D;
      const net = buildNetwork(space, g, input, 5, createRng(`standalone-${name}`));
      try {
        const path = pathChooser(supernet.pathOf(g));
        shareWeights(supernet, g, net);
        expectSameInBothModes(supernet, net, x, path, name);
      } finally {
        net.ctx.dispose();
        supernet.dispose();
        x.dispose();
      }
    },
  );

  it('holds one β row per node a path can leave, and a path uses exactly one of them per layer', () => {
    const supernet = buildSupernet(space, input, 5, createRng('rows')) as ResolutionSupernet;
    try {
      // Before layer l the path can stand on levels 0..min(l, levels − 1).
      const expected = Array.from({ length: 4 }, (_, l) => Math.min(l, 2) + 1).reduce((a, b) => a + b, 0);
      expect(supernet.trellis.length).toBe(expected);
      for (const g of GENOTYPES) expect(movesOfPath(supernet.trellis, g.path).filter((m) => m !== null)).toHaveLength(4);
      expect(supernet.pathOf(GENOTYPES[0]!)).toHaveLength(1 + expected);
    } finally {
      supernet.dispose();
    }
  });

  it('the mixed supernet (every transition, softmax β and α) gives logits of the right shape', async () => {
    await on('wasm');
    const supernet = buildSupernet(space, input, 5, createRng('mixed'));
    const x = seeded([2, 8, 8, 1], 'x-mixed') as tf.Tensor4D;
    try {
      const rows = supernet.trellis!;
      const out = tf.tidy(() =>
        supernet.apply(x, true, (edge) => {
          if (edge === 0) return { ops: RESOLUTION_BLOCKS.map((_, k) => k), coefs: RESOLUTION_BLOCKS.map(() => tf.scalar(0.25)) };
          const moves = rows[edge - 1]!.moves.flatMap((ok, k) => (ok ? [k] : []));
          return { ops: moves, coefs: moves.map(() => tf.scalar(1 / moves.length)) };
        }),
      );
      expect(out.shape).toEqual([2, 5]);
      expect(Number.isFinite(tf.sum(out).dataSync()[0]!)).toBe(true);
      out.dispose();
    } finally {
      supernet.dispose();
      x.dispose();
    }
  });
});
