import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { ChainSpace } from '../../src/core/space/chain';
import { Nb201Space } from '../../src/core/space/nb201';
import type { InputShape, SearchSpace } from '../../src/core/space/types';
import { buildNetwork } from '../../src/nn/build';
import { countParams } from '../../src/nn/layers';
import { on, tf } from './helpers';

const CASES: Array<[string, SearchSpace, InputShape]> = [
  ['chain on 8×8 images', new ChainSpace() as SearchSpace, { height: 8, width: 8, channels: 1 }],
  ['chain on 2-D points', new ChainSpace({ depth: 6, widths: [4, 16] }) as SearchSpace, { height: 1, width: 1, channels: 2 }],
  ['chain on 16×16 RGB', new ChainSpace({ depth: 3 }) as SearchSpace, { height: 16, width: 16, channels: 3 }],
  ['NB201 on 8×8', new Nb201Space() as SearchSpace, { height: 8, width: 8, channels: 1 }],
  ['NB201, 2 cells per stage, 12 channels, on 16×16', new Nb201Space({ channels: 12, cellsPerStage: 2 }) as SearchSpace, { height: 16, width: 16, channels: 3 }],
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
