import { describe, expect, it } from 'vitest';
import { CellSpace, type CellGenotype } from '../../../src/core/space/cell';
import { NB201_OPS, Nb201Space, type Nb201Genotype } from '../../../src/core/space/nb201';

describe('growth: cells block by block, as PNAS searches them', () => {
  it('a DARTS cell grows one node at a time: every unordered pair of (op, input), the same node in the normal and reduction cells', () => {
    const space = new CellSpace({ nodes: 3 });
    const growth = space.growth;
    const empty = space.decisions().map(() => -1);
    const first = growth.expand(empty, 0);
    // ops × 2 inputs (op, input) pairs; a node's two are unordered: n(n + 1) / 2.
    const pairs = (inputs: number) => (space.vocabulary.length * inputs * (space.vocabulary.length * inputs + 1)) / 2;
    expect(first).toHaveLength(pairs(2));
    expect(new Set(first.map((c) => space.encode(growth.partial(c, 1) as CellGenotype))).size).toBe(first.length);
    // Node 1 may read the two cell inputs and node 0.
    expect(growth.expand(first[0]!, 1)).toHaveLength(pairs(3));
    for (const c of first.slice(0, 20)) {
      const g = growth.partial(c, 1) as CellGenotype;
      expect(g.normal).toEqual(g.reduce);
      expect(space.parse(JSON.parse(JSON.stringify(g)))).toEqual(g);
      expect(space.toDecisions(g)).toEqual(c);
    }
  });

  it('a whole grown cell is a cell of the space, and the block-averaged features do not depend on which node holds a block', () => {
    const space = new CellSpace({ nodes: 2 });
    const growth = space.growth;
    const a = growth.expand(
      growth.expand(
        space.decisions().map(() => -1),
        0,
      )[5]!,
      1,
    )[40]!;
    const whole = growth.partial(a, 2) as CellGenotype;
    expect(space.fromDecisions(a)).toEqual(whole);
    // The same two blocks in the other order (each reading only cell inputs) have the same features.
    const swap = (c: number[]) => [...c.slice(4, 8), ...c.slice(0, 4), ...c.slice(12, 16), ...c.slice(8, 12)];
    const onInputs = [0, 0, 3, 1, 5, 1, 5, 0, 0, 0, 3, 1, 5, 1, 5, 0];
    expect(Array.from(growth.features(swap(onInputs)))).toEqual(Array.from(growth.features(onInputs)));
    expect(Array.from(growth.features(onInputs.map((c, k) => (k % 8 < 4 ? c : -1))))).not.toEqual(Array.from(growth.features(onInputs)));
  });

  it('a NAS-Bench-201 cell grows node by node; a smaller cell skips its last node to the output, a cell of the benchmark', () => {
    const space = new Nb201Space();
    const growth = space.growth;
    const sizes = [growth.expand([-1, -1, -1, -1, -1, -1], 0)];
    sizes.push(growth.expand(sizes[0]![2]!, 1));
    sizes.push(growth.expand(sizes[1]![7]!, 2));
    expect(sizes.map((s) => s.length)).toEqual([5, 25, 125]);
    const one = growth.partial(sizes[0]![2]!, 1) as Nb201Genotype;
    expect(one.ops).toEqual([NB201_OPS[2], 'none', 'none', 'none', 'skip_connect', 'none']);
    const two = growth.partial(sizes[1]![7]!, 2) as Nb201Genotype;
    expect(two.ops.slice(3)).toEqual(['none', 'none', 'skip_connect']);
    expect(space.decode(space.encode(two))).toEqual(two);
    for (const c of sizes[2]!) expect(growth.partial(c, 3)).toEqual(space.fromDecisions(c));
  });
});
