import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { MnasSpace, type MnasGenotype } from '../../../src/core/space/mnas';
import { MNAS_BLOCKS, type MnasBlock } from '../../../src/core/space/mnas-blocks';
import type { InputShape } from '../../../src/core/space/types';
import { buildNetwork } from '../../../src/nn/build';
import { buildSupernet, MNAS_SUPERNET_OPS, MnasSupernet, type ChooseEdge } from '../../../src/nn/supernet/index';
import { maxAbsDiff, on, seeded, shareWeights, tf } from '../helpers';

const INPUT: InputShape = { height: 8, width: 8, channels: 1 };
const SPACE = new MnasSpace({ baseWidths: [4, 6], strides: [1, 2], baseLayers: [1, 2], stemChannels: 4 });

/** Every allowed op of every layer, scaled by a one-hot α's probabilities: the mixed op of a genotype. */
function oneHotMixed(supernet: MnasSupernet, g: MnasGenotype): ChooseEdge {
  const path = supernet.pathOf(g);
  return (e) => {
    const ops = MNAS_SUPERNET_OPS.flatMap((_, k) => (supernet.allowed[e]![k] ? [k] : []));
    return { ops, coefs: ops.map((k) => tf.scalar(k === path[e]![0] ? 1 : 0)) };
  };
}

/** The stand-alone network of `g` with the supernet's weights copied in, against the supernet's one-hot mixed op. */
function expectSame(g: MnasGenotype, seed: string): void {
  const supernet = buildSupernet(SPACE, INPUT, 5, createRng(`mnas-${seed}`)) as unknown as MnasSupernet;
  const x = seeded([3, INPUT.height, INPUT.width, INPUT.channels], `x-${seed}`) as tf.Tensor4D;
  try {
    const net = buildNetwork(SPACE, g, INPUT, 5, createRng(`standalone-${seed}`));
    shareWeights(supernet, g, net);
    const a = tf.tidy(() => supernet.apply(x, false, oneHotMixed(supernet, g)));
    const b = tf.tidy(() => net.apply(x, false));
    expect(maxAbsDiff(a, b), SPACE.encode(g)).toBeLessThan(1e-4);
    // Not the same function as another genotype's network: the comparison can fail.
    const other = tf.tidy(() => supernet.apply(x, false, (e) => ({ ops: [supernet.allowed[e]![0] ? 0 : 1] })));
    expect(maxAbsDiff(other, b)).toBeGreaterThan(1e-4);
    tf.dispose([a, b, other]);
    net.ctx.dispose();
  } finally {
    x.dispose();
    supernet.dispose();
  }
}

const stage = (blocks: MnasBlock[], i: number) =>
  SPACE.parse({ stages: [0, 1].map((j) => ({ blocks: j === i ? blocks : j === 0 ? ['mb6_k3', 'zero'] : ['mb3_k3', 'zero', 'zero'] })) });

describe('the ProxylessNAS supernet over the MnasNet-style space', () => {
  it.each(MNAS_BLOCKS.map((b) => [b]))('%s on every layer it fits: the one-hot mixed op is the stand-alone network, weights shared', async (block) => {
    await on('wasm');
    expectSame(SPACE.parse({ stages: [{ blocks: [block, block] }, { blocks: [block, block, block] }] }), block);
  });

  it('zero leaves a layer out and passes its input on (a residual slot)', async () => {
    await on('wasm');
    expectSame(stage(['mb6_k7', 'zero', 'mb3_k5'], 1), 'zero');
  });

  it('has no zero where a layer changes width or stride, and derives the most likely allowed op per layer', async () => {
    await on('wasm');
    const supernet = buildSupernet(SPACE, INPUT, 5, createRng('derive')) as unknown as MnasSupernet;
    try {
      expect(supernet.edges).toHaveLength(5);
      expect(supernet.allowed.map((row) => row[0])).toEqual([false, true, false, true, true]);
      // Zero is the most likely op everywhere: the first layer of each stage still takes a block.
      const probs = supernet.edges.map((_, e) => MNAS_SUPERNET_OPS.map((_, k) => (k === 0 ? 0.5 : (e + k) % 7 === 0 ? 0.3 : 0.02)));
      const g = supernet.derive(probs);
      expect(SPACE.encode(g)).toBe('blocks(mb3_k3,zero) | blocks(mb6_k5,zero,zero)');
      expect(SPACE.decode(SPACE.encode(g))).toEqual(g);
    } finally {
      supernet.dispose();
    }
  });
});
