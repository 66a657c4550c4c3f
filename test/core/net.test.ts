import { describe, expect, it } from 'vitest';
import { drawLayers } from '../../src/core/net/drawing';
import { graphWeights, layerGraph } from '../../src/core/net/index';
import { createRng } from '../../src/core/rng';
import { CellSpace } from '../../src/core/space/cell';
import { ChainSpace } from '../../src/core/space/chain';
import { HierSpace } from '../../src/core/space/hier';
import { MnasSpace } from '../../src/core/space/mnas';
import { Nb201Space } from '../../src/core/space/nb201';
import { ResolutionSpace } from '../../src/core/space/resolution';
import type { SearchSpace } from '../../src/core/space/types';

const INPUT = { height: 8, width: 8, channels: 1 };
const SPACES: Array<[string, SearchSpace]> = [
  ['chain', new ChainSpace() as SearchSpace],
  ['cell', new CellSpace() as SearchSpace],
  ['nb201', new Nb201Space() as SearchSpace],
  ['mnas', new MnasSpace() as SearchSpace],
  ['resolution', new ResolutionSpace() as SearchSpace],
  ['hierarchical', new HierSpace() as SearchSpace],
];

describe('the layer graph: one description of a network', () => {
  it.each(SPACES)('%s: its trainable weights are the parameters the space counts, its nodes come in order, its weight names are unique', (_id, space) => {
    const rng = createRng(`graph-${space.id}`);
    for (let i = 0; i < 10; i++) {
      const g = space.sample(rng);
      const graph = layerGraph(space, g, INPUT, 10);
      const weights = graphWeights(graph);
      const trainable = weights.filter((w) => w.spec.trainable).reduce((n, w) => n + w.spec.shape.reduce((a, b) => a * b, 1), 0);
      expect(trainable).toBe(space.cost(g, INPUT, 10).params);
      expect(new Set(weights.map((w) => w.spec.name)).size).toBe(weights.length);
      graph.nodes.forEach((n, k) => {
        expect(n.id).toBe(k);
        for (const input of n.inputs) expect(input).toBeLessThan(k);
      });
      expect(graph.nodes[graph.output]!.shape).toEqual([10]);
    }
  });

  it.each(SPACES)('%s: the drawing shows every module that holds weights, linked from the input to the head', (_id, space) => {
    const graph = layerGraph(space, space.sample(createRng('draw')), INPUT, 10);
    const drawing = drawLayers(graph);
    const ids = new Set(drawing.nodes.map((n) => n.id));
    for (const { spec } of graphWeights(graph)) {
      const [a, b] = spec.name.split('.');
      expect(ids.has(/^\d+$/.test(b!) ? `${a}.${b}` : a!), spec.name).toBe(true);
    }
    // Every box is reachable from the input.
    const reached = new Set(['input']);
    for (let grew = true; grew;) {
      grew = false;
      for (const e of drawing.edges) {
        if (reached.has(e.from) && !reached.has(e.to)) {
          reached.add(e.to);
          grew = true;
        }
      }
    }
    expect(reached).toEqual(ids);
    expect(drawing.nodes.find((n) => n.id === 'head')!.detail).toMatch(/^10 ·/);
  });
});
