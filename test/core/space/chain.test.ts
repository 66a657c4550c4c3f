import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../../src/core/errors';
import { createRng } from '../../../src/core/rng';
import { CHAIN_OPS, ChainSpace, type ChainGenotype } from '../../../src/core/space/chain';

const space = new ChainSpace({ depth: 5, widths: [8, 16] });

function decisions(g: ChainGenotype): string[] {
  return g.layers.flatMap((l, j) => [
    `${j}:op=${l.op}:${l.width}`,
    `${j}:stride=${l.stride}`,
    ...Array.from({ length: j }, (_, s) => `${j}:skip${s}=${l.skips.includes(s)}`),
  ]);
}

describe('chain space', () => {
  it('samples valid genotypes that survive an encode/decode round trip', () => {
    const rng = createRng(1);
    for (let i = 0; i < 200; i++) {
      const g = space.sample(rng);
      expect(space.parse(JSON.parse(JSON.stringify(g)))).toEqual(g);
      expect(space.decode(space.encode(g))).toEqual(g);
    }
  });

  it('mutates exactly one decision and stays valid', () => {
    const rng = createRng(2);
    for (let i = 0; i < 200; i++) {
      const g = space.sample(rng);
      const child = space.mutate(g, rng);
      expect(space.parse(child)).toEqual(child);
      const before = decisions(g);
      const after = decisions(child);
      expect(after.filter((d, k) => d !== before[k])).toHaveLength(1);
    }
  });

  it('counts its size as the product of per-layer choices, strides and skip subsets', () => {
    const perLayer = (3 * 2 + 3) * 2; // (three convs × two widths, plus three width-free ops) × two strides
    let expected = 1;
    for (let j = 0; j < 5; j++) expected *= perLayer * 2 ** j;
    expect(space.size()).toBe(expected);
    expect(new ChainSpace({ depth: 6, widths: [8, 16] }).size()).toBe(expected * perLayer * 2 ** 5);
  });

  it('has as many neighbours as single-decision changes', () => {
    const g = space.sample(createRng(3));
    // Per layer: every other (op, width), the other stride, and toggling each possible skip.
    const expected = g.layers.reduce((sum, _l, j) => sum + (CHAIN_OPS.length - 3) + 3 * 2 - 1 + 1 + j, 0);
    expect(space.neighbours(g)).toHaveLength(expected);
  });

  it.each([
    ['an unknown op', 'conv3x3-8|bogus|identity|identity|identity', /unknown op "bogus"/],
    ['a width not in the space', 'conv3x3-12|identity|identity|identity|identity', /width 12/],
    ['a skip from the future', 'conv3x3-8|identity<3|identity|identity|identity', /skip from 3/],
    ['the wrong depth', 'conv3x3-8|identity', /has 2 layers where this space has 5/],
    ['a malformed layer', 'conv3x3-8|identity|identity|identity|?!', /layer 5/],
    ['a width on a pool', 'conv3x3-8|max_pool3x3-8|identity|identity|identity', /has no width/],
    ['a stride of 3', 'conv3x3-8/3|identity|identity|identity|identity', /layer 1/],
  ])('rejects %s with a clear, typed error', (_name, text, message) => {
    let error: unknown;
    try {
      space.decode(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlaygroundError);
    expect((error as PlaygroundError).code).toBe('invalid-genotype');
    expect((error as PlaygroundError).message).toMatch(message);
  });

  it('reads strides and shows them', () => {
    const g = space.decode('conv3x3-8/2|max_pool3x3/2<0|conv5x5-16|identity<1,2|conv1x1-8');
    expect(g.layers.map((l) => l.stride)).toEqual([2, 2, 1, 1, 1]);
    expect(space.encode(g)).toBe('conv3x3-8/2|max_pool3x3/2<0|conv5x5-16|identity<1,2|conv1x1-8');
    expect(space.describe(g).nodes[1]!.detail).toBe('8 ch · /2');
  });

  it('describes a genotype as a graph with one node per layer plus input and output', () => {
    const g = space.decode('conv3x3-8|max_pool3x3<0|conv5x5-16|identity<1,2|conv1x1-8');
    const graph = space.describe(g);
    // Graphs carry op ids: one spelling for an op every space shares (the chain's identity is the cells' skip_connect).
    expect(graph.nodes.map((n) => n.kind)).toEqual(['input', 'conv_3x3', 'max_pool_3x3', 'conv_5x5', 'skip_connect', 'conv_1x1', 'output']);
    expect(graph.nodes.map((n) => n.label)).toEqual(['input', 'conv 3×3', 'max pool 3×3', 'conv 5×5', 'skip', 'conv 1×1', 'pool + linear']);
    expect(graph.edges.filter((e) => e.skip)).toHaveLength(3);
  });
});

describe('chain space as decisions', () => {
  it('maps genotypes to choice vectors and back, covering the size exactly', () => {
    const rng = createRng(8);
    const decisions = space.decisions();
    expect(decisions.reduce((n, d) => n * d.options.length, 1)).toBe(space.size());
    for (let i = 0; i < 100; i++) {
      const g = space.sample(rng);
      const choices = space.toDecisions(g);
      expect(choices).toHaveLength(decisions.length);
      choices.forEach((c, k) => expect(c).toBeLessThan(decisions[k]!.options.length));
      expect(space.fromDecisions(choices)).toEqual(g);
    }
  });
});

describe('chain space over flat inputs (tables, points): an MLP', () => {
  const mlp = new ChainSpace({ depth: 4, widths: [8, 16] }, { flat: true });

  it('samples only dense layers and the identity, never a stride, and round-trips them', () => {
    const rng = createRng(11);
    const ops = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const g = mlp.sample(rng);
      for (const l of g.layers) ops.add(l.op);
      expect(g.layers.every((l) => l.stride === 1)).toBe(true);
      expect(mlp.decode(mlp.encode(g))).toEqual(g);
      expect(mlp.fromDecisions(mlp.toDecisions(g))).toEqual(g);
      expect(mlp.parse(mlp.mutate(g, rng))).toBeTruthy();
    }
    expect([...ops].sort()).toEqual(['dense', 'identity']);
  });

  it('counts (two widths of dense, or the identity) × skip subsets per layer, with no stride decision', () => {
    let expected = 1;
    for (let j = 0; j < 4; j++) expected *= 3 * 2 ** j;
    expect(mlp.size()).toBe(expected);
    expect(mlp.decisions().reduce((n, d) => n * d.options.length, 1)).toBe(expected);
    expect(mlp.decisions().some((d) => /stride/.test(d.name))).toBe(false);
  });

  it('refuses convolutions, pooling and strides, and the image chain refuses dense layers', () => {
    expect(() => mlp.decode('conv3x3-8|identity|identity|identity')).toThrow(/unknown op "conv3x3"/);
    expect(() => mlp.decode('max_pool3x3|identity|identity|identity')).toThrow(/unknown op "max_pool3x3"/);
    expect(() => mlp.decode('dense-8/2|identity|identity|identity')).toThrow(/stride 2/);
    expect(() => new ChainSpace({ depth: 4, widths: [8, 16] }).decode('dense-8|identity|identity|identity')).toThrow(/unknown op "dense"/);
  });

  it('draws dense layers with their units and a linear head, and refuses image inputs', () => {
    const graph = mlp.describe(mlp.decode('dense-16|identity<0|dense-8|dense-16<1'));
    expect(graph.nodes.map((n) => n.label)).toEqual(['input', 'dense layer', 'skip', 'dense layer', 'dense layer', 'linear']);
    expect(graph.nodes[1]!.detail).toBe('16 units');
    expect(mlp.checkInput({ height: 1, width: 1, channels: 4 })).toBeNull();
    expect(mlp.checkInput({ height: 8, width: 8, channels: 1 })).toMatch(/for tables and points/);
  });
});
