import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../../src/core/errors';
import { createRng } from '../../../src/core/rng';
import { CellSpace, unusedNodes, type CellGenotype } from '../../../src/core/space/cell';
import { CELL_PRESETS, DARTS_V2 } from '../../../src/core/space/cell-presets';

const darts = new CellSpace();
const nasnet = new CellSpace({ nodes: 5, ops: 'nasnet', concat: 'unused' });

describe('cell space', () => {
  it.each([
    ['DARTS ops, 4 nodes', darts],
    ['NASNet ops, 5 nodes', nasnet],
  ])('%s: samples valid genotypes that round trip through text, JSON and decisions', (_name, space) => {
    const rng = createRng(1);
    for (let i = 0; i < 100; i++) {
      const g = space.sample(rng);
      expect(space.decode(space.encode(g))).toEqual(g);
      expect(space.parse(JSON.parse(JSON.stringify(g)))).toEqual(g);
      expect(space.fromDecisions(space.toDecisions(g))).toEqual(g);
    }
  });

  it('mutates exactly one decision and keeps the concat rule', () => {
    const rng = createRng(2);
    for (let i = 0; i < 100; i++) {
      const g = nasnet.sample(rng);
      const child = nasnet.mutate(g, rng);
      const a = nasnet.toDecisions(g);
      const b = nasnet.toDecisions(child);
      expect(a.filter((c, k) => c !== b[k])).toHaveLength(1);
      expect(child.normal.concat).toEqual(unusedNodes(child.normal.edges, 5));
    }
  });

  it('counts (ops · inputs)² per node, for two cells', () => {
    let perCell = 1;
    for (let j = 0; j < 4; j++) perCell *= (7 * (j + 2)) ** 2;
    expect(darts.size() / perCell ** 2).toBeCloseTo(1, 12);
    expect(darts.decisions().reduce((n, d) => n * d.options.length, 1) / darts.size()).toBeCloseTo(1, 12);
  });

  it('holds the published cells as valid genotypes of their settings', () => {
    for (const preset of CELL_PRESETS) {
      const space = new CellSpace(preset.settings);
      expect(space.parse(preset.genotype)).toEqual(preset.genotype);
      for (const which of ['normal', 'reduce'] as const) {
        if (preset.settings.concat === 'unused')
          expect(preset.genotype[which].concat).toEqual(unusedNodes(preset.genotype[which].edges, preset.settings.nodes));
      }
    }
    // DARTS's cell: 4 nodes, every node concatenated, 8 edges per cell.
    expect(DARTS_V2.genotype.normal.edges).toHaveLength(8);
  });

  it.each([
    ['an op of the other vocabulary', (g: CellGenotype) => (g.normal.edges[0]![0] = 'sep_conv_7x7'), /not one of this space's ops/],
    ['an input from a later node', (g: CellGenotype) => (g.reduce.edges[2]![1] = 4), /node 1 \(edge 3\) reads input 4/],
    ['a missing edge', (g: CellGenotype) => g.normal.edges.pop(), /has 7 edges/],
    ['an empty concat', (g: CellGenotype) => (g.normal.concat = []), /concatenates/],
  ])('rejects %s with a typed error', (_name, damage, message) => {
    const g = JSON.parse(JSON.stringify(DARTS_V2.genotype)) as CellGenotype;
    damage(g);
    expect(() => darts.parse(g)).toThrow(PlaygroundError);
    expect(() => darts.parse(g)).toThrow(message);
  });

  it('describes both cells as graphs: inputs, nodes, output, one edge per (op, input)', () => {
    const graph = darts.describe(DARTS_V2.genotype);
    expect(graph.nodes).toHaveLength(2 * (2 + 4 + 1));
    expect(graph.edges.filter((e) => e.op)).toHaveLength(16);
    expect(graph.edges.filter((e) => !e.op)).toHaveLength(8);
  });
});

describe('cell network view', () => {
  it('stacks 3N + 2 cells with reductions after each third', () => {
    const space = new CellSpace({ cellsPerStage: 2 });
    const graph = space.describeNetwork(DARTS_V2.genotype);
    const cells = graph.nodes.filter((n) => n.label.endsWith('cell')).map((n) => n.label);
    expect(cells).toEqual(['normal cell', 'normal cell', 'reduction cell', 'normal cell', 'normal cell', 'reduction cell', 'normal cell', 'normal cell']);
    // Each cell reads the two before it.
    expect(graph.edges.filter((e) => e.skip)).toHaveLength(cells.length - 1);
  });
});
