import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../../src/core/errors';
import { graphWeights, layerGraph } from '../../../src/core/net/index';
import { HIER_TOKENS } from '../../../src/core/ops/hier';
import { createRng } from '../../../src/core/rng';
import { HierSpace, type HierGenotype } from '../../../src/core/space/hier';
import { dagPairs, orphans } from '../../../src/core/space/hier-dag';

const space = new HierSpace();
const DIGITS = { height: 8, width: 8, channels: 1 };

/** Positions where two op lists differ. */
const changed = (a: readonly number[], b: readonly number[]) => a.flatMap((x, k) => (x === b[k] ? [] : [k]));

describe('hierarchical space (Liu et al. 2018)', () => {
  it('starts from identity chains and mutates them: samples are valid, round trip, and differ from the trivial genotype', () => {
    const trivial = new HierSpace({ initMutations: 0 }).sample(createRng(1));
    expect(space.encode(trivial)).toBe('m1 id none id none none id | m2 id none id none none id | m3 id none id none none id | cell id none id none none id');
    const rng = createRng(2);
    for (let i = 0; i < 60; i++) {
      const g = space.sample(rng);
      expect(space.encode(g)).not.toBe(space.encode(trivial));
      expect(space.decode(space.encode(g))).toEqual(g);
      expect(space.fromDecisions(space.toDecisions(g))).toEqual(g);
      expect(space.parse(JSON.parse(JSON.stringify(g)))).toEqual(g);
    }
  });

  it('mutates one edge of one motif at one level, never leaving a node without an input', () => {
    const rng = createRng(3);
    let g = space.sample(rng);
    const levels = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const child = space.mutate(g, rng);
      const diff = changed(space.toDecisions(g), space.toDecisions(child));
      expect(diff).toHaveLength(1);
      levels.add(space.decisions()[diff[0]!]!.name.split(' ')[0]!);
      for (const ops of child.motifs) expect(orphans(4, ops)).toEqual([]);
      expect(orphans(4, child.cell)).toEqual([]);
      g = child;
    }
    expect([...levels].sort()).toEqual(['cell', 'motif']);
  });

  it('lists every single-edge change as a neighbour, and only valid ones', () => {
    const g = space.sample(createRng(4));
    const here = space.toDecisions(g);
    const all = space.neighbours(g);
    for (const n of all) expect(changed(here, space.toDecisions(n))).toHaveLength(1);
    // Every edge offers each other op, but `none` only where its node keeps another input.
    const count = (ops: string[], tokens: readonly string[], n: number) =>
      ops.reduce(
        (sum, op, e) =>
          sum +
          tokens.length -
          1 -
          (orphans(
            n,
            ops.map((o, f) => (f === e ? 'none' : o)),
          ).length > 0 && op !== 'none'
            ? 1
            : 0),
        0,
      );
    const expected = g.motifs.reduce((s, m) => s + count(m, HIER_TOKENS, 4), 0) + count(g.cell, space.cellTokens, 4);
    expect(all).toHaveLength(expected);
    expect(new Set(all.map((n) => space.encode(n))).size).toBe(all.length);
  });

  it('repairs choices that orphan a node with the identity from the node before', () => {
    const none = space.decisions().map(() => 0);
    const g = space.fromDecisions(none);
    expect(space.encode(g)).toBe(space.encode(new HierSpace({ initMutations: 0 }).sample(createRng(0))));
  });

  it('counts valid DAGs: Π_j (options^j − 1) per motif', () => {
    const small = new HierSpace({ motifs: 1, motifNodes: 3, cellNodes: 2 });
    // Level 2: node 1 has 7 − 1 inputs, node 2 has 7² − 1; level 3 (none, id, m1): 3 − 1.
    expect(small.size()).toBe(6 * 48 * 2);
    // Brute force over every choice vector of the small space, keeping the valid ones.
    const d = small.decisions();
    let valid = 0;
    const walk = (k: number, choices: number[]) => {
      if (k === d.length) {
        const ops = choices.map((c, i) => d[i]!.options[c]!);
        valid += orphans(3, ops.slice(0, 3)).length === 0 && orphans(2, ops.slice(3)).length === 0 ? 1 : 0;
        return;
      }
      d[k]!.options.forEach((_, o) => walk(k + 1, [...choices, o]));
    };
    walk(0, []);
    expect(valid).toBe(small.size());
  });

  it('costs what the built network holds, for every sample and settings', () => {
    for (const settings of [{}, { motifs: 2, motifNodes: 3, cellNodes: 5, cells: 3, channels: 4 }]) {
      const s = new HierSpace(settings);
      const rng = createRng(`cost-${JSON.stringify(settings)}`);
      for (let i = 0; i < 15; i++) {
        const g = s.sample(rng);
        const graph = layerGraph(s, g, DIGITS, 10);
        const trainable = graphWeights(graph)
          .filter((w) => w.spec.trainable)
          .reduce((n, w) => n + w.spec.shape.reduce((a, b) => a * b, 1), 0);
        expect(trainable).toBe(s.cost(g, DIGITS, 10).params);
      }
    }
  });

  it('rejects a node without an input, an unknown op and a wrong edge count, saying where', () => {
    const g = space.sample(createRng(5));
    const orphaned: HierGenotype = { ...g, motifs: g.motifs.map((m, k) => (k === 1 ? ['none', 'conv1x1', 'id', 'none', 'none', 'id'] : m)) };
    expect(() => space.parse(orphaned)).toThrow(PlaygroundError);
    expect(() => space.parse(orphaned)).toThrow(/motif 2 leaves node 1 without an input/);
    expect(() => space.parse({ ...g, cell: g.cell.map((op, e) => (e === 0 ? 'm7' : op)) })).toThrow(/level-3 motif, edge 0→1, has "m7"/);
    expect(() => space.decode('m1 id | cell id')).toThrow(/has 1 level-2 motifs where this space has 3/);
  });

  it('draws the cell with every motif instance marked, its primitives on the edges', () => {
    const g = space.decode(
      'm1 conv1x1 dw3x3 id none none max3x3 | m2 id none id none none id | m3 sep3x3 none avg3x3 none none id | cell m1 m3 id none none m2',
    );
    const drawing = space.describe(g);
    const motifs = new Map(drawing.nodes.flatMap((n) => (n.motif ? [[n.motif.id, n.motif.label]] : [])));
    expect([...motifs.values()].sort()).toEqual(['motif 1', 'motif 2', 'motif 3']);
    // Node 3 of the cell is fed by edge 5 alone (2 → 3, motif 2); node 2 merges two edges.
    expect(dagPairs(4)[5]).toEqual([2, 3]);
    expect(drawing.nodes.find((n) => n.id === 'n2')!.detail).toBe('concat 2');
    const m1 = drawing.edges.filter((e) => e.from.startsWith('e0.') && e.to.startsWith('e0.')).map((e) => e.op);
    expect(m1.sort()).toEqual(['dw_conv_3x3', 'max_pool_3x3', 'nor_conv_1x1', 'skip_connect']);
  });

  it('draws the network: stem, a reduction before every cell but the first, head', () => {
    const network = new HierSpace({ cells: 3 }).describeNetwork(space.sample(createRng(6)));
    expect(network.nodes.map((n) => n.label)).toEqual([
      'input',
      'conv 3×3',
      'searched cell',
      'sep conv 3×3',
      'searched cell',
      'sep conv 3×3',
      'searched cell',
      'pool + linear',
    ]);
    expect(network.nodes.filter((n) => n.label === 'searched cell').map((n) => n.detail)).toEqual(['8 ch', '16 ch', '32 ch']);
    expect(network.edges).toHaveLength(network.nodes.length - 1);
  });

  it('refuses images its reductions cannot halve evenly', () => {
    expect(new HierSpace({ cells: 3 }).checkInput({ height: 6, width: 6, channels: 1 })).toMatch(/multiples of 4/);
    expect(space.checkInput(DIGITS)).toBeNull();
  });
});
