import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { CellSpace } from '../../../src/core/space/cell';
import { NB201_EDGES, Nb201Space } from '../../../src/core/space/nb201';
import type { SearchSpace } from '../../../src/core/space/types';
import { weightedGraph } from '../../../src/engine/one-shot/snapshots';
import { buildSupernet, cellEdgeIndex } from '../../../src/nn/supernet/index';
import { on } from '../../nn/helpers';

describe('one-shot snapshots', () => {
  it('weights each drawn NAS-Bench-201 edge by its op’s probability on that edge’s row of α', async () => {
    await on('wasm');
    const space = new Nb201Space({ channels: 2 });
    const supernet = buildSupernet(space, { height: 8, width: 8, channels: 1 }, 3, createRng('nb201'));
    try {
      const probs = supernet.edges.map((_, e) => supernet.ops.map((_, k) => (10 * e + k) / 100));
      const g = space.decode('|nor_conv_3x3~0|+|skip_connect~0|none~1|+|avg_pool_3x3~0|nor_conv_1x1~1|nor_conv_3x3~2|');
      const graph = weightedGraph(space.describe(g), { kind: 'alpha', probs }, supernet);
      const expected = NB201_EDGES.flatMap(([from, to], e) =>
        g.ops[e] === 'none' ? [] : [{ from: `n${from}`, to: `n${to}`, weight: probs[e]![supernet.ops.indexOf(g.ops[e]!)] }],
      );
      expect(graph.edges.map(({ from, to, weight }) => ({ from, to, weight }))).toEqual(expected);
      expect(weightedGraph(space.describe(g), null, supernet)).toEqual(space.describe(g));
    } finally {
      supernet.dispose();
    }
  });

  it('weights each drawn cell edge by its row in its own cell type, and leaves the concatenation edges plain', async () => {
    await on('wasm');
    const space = new CellSpace({ nodes: 3, channels: 2 });
    const supernet = buildSupernet(space as SearchSpace, { height: 8, width: 8, channels: 1 }, 3, createRng('cell'));
    try {
      const probs = supernet.edges.map((_, e) => supernet.ops.map((_, k) => (10 * e + k) / 1000));
      const g = space.sample(createRng('g'));
      const graph = weightedGraph(space.describe(g), { kind: 'alpha', probs }, supernet);
      const perCell = cellEdgeIndex(3, 0);
      const expected = (['normal', 'reduce'] as const).flatMap((which, w) =>
        g[which].edges.map(([op, input], e) => probs[w * perCell + cellEdgeIndex(Math.floor(e / 2), input)]![supernet.ops.indexOf(op)]),
      );
      expect(graph.edges.filter((e) => e.op).map((e) => e.weight)).toEqual(expected);
      expect(graph.edges.filter((e) => !e.op).every((e) => e.weight === undefined)).toBe(true);
    } finally {
      supernet.dispose();
    }
  });
});
