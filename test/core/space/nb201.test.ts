import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../../src/core/errors';
import { createRng } from '../../../src/core/rng';
import { NB201_OPS, Nb201Space } from '../../../src/core/space/nb201';

const space = new Nb201Space();
// A strong CIFAR-10 cell of the benchmark (94.36 %), in its own notation.
const BEST = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|';

describe('NAS-Bench-201 space', () => {
  it('reads and writes the benchmark string', () => {
    const g = space.decode(BEST);
    expect(g.ops).toEqual(['nor_conv_3x3', 'nor_conv_3x3', 'nor_conv_3x3', 'skip_connect', 'nor_conv_3x3', 'nor_conv_3x3']);
    expect(space.encode(g)).toBe(BEST);
  });

  it('samples valid cells, round trips, and covers the whole vocabulary', () => {
    const rng = createRng(5);
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const g = space.sample(rng);
      expect(space.decode(space.encode(g))).toEqual(g);
      g.ops.forEach((op) => seen.add(op));
    }
    expect([...seen].sort()).toEqual([...NB201_OPS].sort());
  });

  it('mutates exactly one edge', () => {
    const rng = createRng(6);
    for (let i = 0; i < 200; i++) {
      const g = space.sample(rng);
      const child = space.mutate(g, rng);
      expect(child.ops.filter((op, e) => op !== g.ops[e])).toHaveLength(1);
    }
  });

  it('has 5^6 cells and 24 neighbours per cell', () => {
    expect(space.size()).toBe(15625);
    expect(space.neighbours(space.decode(BEST))).toHaveLength(24);
  });

  it.each([
    ['two nodes', '|nor_conv_3x3~0|+|none~0|none~1|', /expected 3 nodes/],
    ['an unknown op', '|conv_7x7~0|+|none~0|none~1|+|none~0|none~1|none~2|', /unknown op "conv_7x7"/],
    ['a wrong source', '|none~0|+|none~1|none~1|+|none~0|none~1|none~2|', /must read from node 0/],
    ['missing bars', 'none~0+|none~0|none~1|+|none~0|none~1|none~2|', /must start and end/],
  ])('rejects %s with a typed error', (_name, text, message) => {
    expect(() => space.decode(text)).toThrow(PlaygroundError);
    expect(() => space.decode(text)).toThrow(message);
  });

  it('draws only the edges that are not none', () => {
    const g = space.decode('|none~0|+|skip_connect~0|none~1|+|none~0|avg_pool_3x3~1|nor_conv_1x1~2|');
    expect(space.describe(g).edges.map((e) => e.op)).toEqual(['skip_connect', 'avg_pool_3x3', 'nor_conv_1x1']);
  });

  it('refuses inputs it cannot halve twice', () => {
    expect(space.checkInput({ height: 8, width: 8, channels: 1 })).toBeNull();
    expect(space.checkInput({ height: 1, width: 1, channels: 2 })).toMatch(/multiples of 4/);
  });
});

describe('NAS-Bench-201 space as decisions', () => {
  it('is six choices among five ops, round tripping every cell', () => {
    expect(space.decisions().map((d) => d.options.length)).toEqual([5, 5, 5, 5, 5, 5]);
    const rng = createRng(9);
    for (let i = 0; i < 100; i++) {
      const g = space.sample(rng);
      expect(space.fromDecisions(space.toDecisions(g))).toEqual(g);
    }
    expect(() => space.fromDecisions([0, 1, 2])).toThrow(PlaygroundError);
  });
});

describe('NAS-Bench-201 canonical form', () => {
  it('gives 6 466 unique cells of 15 625, as the benchmark publishes', () => {
    expect(space.uniqueSize()).toBe(6466);
  });

  it('gives isomorphic cells one key and different functions different keys', () => {
    const key = (s: string) => space.canonical(space.decode(s));
    // An edge from a dead node is as good as none: node 1 is zero here, so its out-edges do not matter.
    expect(key('|none~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|none~2|')).toBe(
      key('|none~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|avg_pool_3x3~1|none~2|'),
    );
    // Skips pass expressions through: a skip into node 1 then a conv equals the conv straight from the input.
    expect(key('|skip_connect~0|+|none~0|none~1|+|none~0|nor_conv_3x3~1|none~2|')).toBe(key('|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|'));
    expect(key('|skip_connect~0|+|none~0|none~1|+|none~0|nor_conv_3x3~1|none~2|')).not.toBe(key('|none~0|+|none~0|none~1|+|nor_conv_1x1~0|none~1|none~2|'));
  });

  it('agrees with the table: cells with one key have the same published accuracy', async () => {
    const { loadNb201Table } = await import('../../../src/data/nb201-table');
    const { readPublicAsset } = await import('../../../src/data/node-assets');
    const table = await loadNb201Table(readPublicAsset);
    // The two cells of the first case above: equal up to the benchmark's own rounding and seeds.
    const a = space.decode('|none~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|none~2|');
    const b = space.decode('|none~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|avg_pool_3x3~1|none~2|');
    expect(Math.abs(table.get(a, 'cifar10').test200 - table.get(b, 'cifar10').test200)).toBeLessThan(0.01);
  });
});
