import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../../src/core/errors';
import { createRng } from '../../../src/core/rng';
import { Nb201Space } from '../../../src/core/space/nb201';
import { DEFAULT_HP_GRID, WithHyperparameters } from '../../../src/core/space/with-hyperparameters';

const space = new WithHyperparameters(new Nb201Space(), DEFAULT_HP_GRID);

describe('architecture + hyperparameters space', () => {
  it('samples, encodes and decodes both parts', () => {
    const rng = createRng(1);
    for (let i = 0; i < 100; i++) {
      const g = space.sample(rng);
      expect(space.decode(space.encode(g))).toEqual(g);
      expect(space.fromDecisions(space.toDecisions(g))).toEqual(g);
      expect(space.parse(JSON.parse(JSON.stringify(g)))).toEqual(g);
    }
    expect(
      space.encode({ arch: space.inner.decode('|none~0|+|none~0|none~1|+|none~0|none~1|none~2|'), hp: { learningRate: 0.01, batchSize: 32, weightDecay: 0 } }),
    ).toBe('|none~0|+|none~0|none~1|+|none~0|none~1|none~2| @ lr=0.01,bs=32,wd=0');
  });

  it('counts every combination and has one decision per hyperparameter more', () => {
    expect(space.size()).toBe(15625 * 5 * 3 * 3);
    expect(space.decisions()).toHaveLength(9);
  });

  it('mutates one decision: either an edge or one hyperparameter', () => {
    const rng = createRng(2);
    for (let i = 0; i < 100; i++) {
      const g = space.sample(rng);
      const child = space.mutate(g, rng);
      const a = space.toDecisions(g);
      const b = space.toDecisions(child);
      expect(a.filter((c, k) => c !== b[k])).toHaveLength(1);
    }
  });

  it('refuses values off the grid', () => {
    const g = space.sample(createRng(3));
    expect(() => space.parse({ ...g, hp: { ...g.hp, learningRate: 0.5 } })).toThrow(PlaygroundError);
    expect(() => space.decode(space.inner.encode(g.arch))).toThrow(/hyperparameters/);
  });
});
