import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../../src/core/errors';
import { createRng } from '../../../src/core/rng';
import { RESOLUTION_BLOCKS, ResolutionSpace } from '../../../src/core/space/resolution';

const space = new ResolutionSpace();

describe('resolution-path space', () => {
  it('samples paths that move at most one level per layer and round trip', () => {
    const rng = createRng(1);
    for (let i = 0; i < 200; i++) {
      const g = space.sample(rng);
      let previous = 0;
      for (const level of g.path) {
        expect(Math.abs(level - previous)).toBeLessThanOrEqual(1);
        previous = level;
      }
      expect(space.decode(space.encode(g))).toEqual(g);
      expect(space.fromDecisions(space.toDecisions(g))).toEqual(g);
    }
  });

  it('counts the paths that stay on the ladder, by enumeration', () => {
    const small = new ResolutionSpace({ layers: 4, levels: 3 });
    const paths = new Set<string>();
    const walk = (path: number[]) => {
      if (path.length === 4) return void paths.add(path.join());
      const last = path.at(-1) ?? 0;
      for (const next of [last - 1, last, last + 1]) if (next >= 0 && next < 3) walk([...path, next]);
    };
    walk([]);
    expect(small.size()).toBe(paths.size * RESOLUTION_BLOCKS.length);
  });

  it('mutates to a valid neighbouring path or block', () => {
    const rng = createRng(2);
    for (let i = 0; i < 100; i++) {
      const g = space.sample(rng);
      const child = space.mutate(g, rng);
      expect(space.parse(child)).toEqual(child);
      const changed = child.path.filter((p, k) => p !== g.path[k]).length + (child.block === g.block ? 0 : 1);
      expect(changed).toBe(1);
    }
  });

  it('refuses jumps and levels off the ladder', () => {
    expect(() => space.decode('0 2 1 0 0 0 / conv3x3')).toThrow(/jumps from level 0 to 2/);
    expect(() => space.decode('1 2 3 4 3 2 / conv3x3')).toThrow(PlaygroundError);
  });

  it('draws the trellis with the chosen path bold and the rest faint', () => {
    const g = space.decode('1 2 2 1 0 0 / sep_conv_3x3');
    const graph = space.describe(g);
    expect(graph.nodes).toHaveLength(7 * 4);
    expect(graph.nodes.filter((n) => !n.faint).map((n) => [n.grid!.column, n.grid!.row])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 1],
      [5, 0],
      [6, 0],
    ]);
    expect(graph.edges.filter((e) => !e.faint)).toHaveLength(6);
  });
});
