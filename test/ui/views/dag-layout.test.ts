import { describe, expect, it } from 'vitest';
import { Nb201Space } from '../../../src/core/space/nb201';
import { dagreLayout, knownLayout, layOut, shapeKey, shapeOf } from '../../../src/ui/views/dag-layout';
import type { ArchGraph } from '../../../src/core/space/types';

const key = (g: ArchGraph, cellLike: boolean) => shapeKey(shapeOf(g, cellLike));

const space = new Nb201Space();
const cell = (code: string) => space.describe(space.decode(code));

describe('a DAG laid out once per shape', () => {
  const a = cell('|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|nor_conv_1x1~1|skip_connect~2|');
  const b = cell('|avg_pool_3x3~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|');

  it('places every node and routes every edge', () => {
    const layout = dagreLayout(a, true);
    expect([...layout.nodes.keys()].sort()).toEqual(a.nodes.map((n) => n.id).sort());
    expect(layout.edges).toHaveLength(a.edges.length);
    for (const e of layout.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
    expect(layout.width).toBeGreaterThan(0);
    expect(layout.height).toBeGreaterThan(0);
  });

  it('reuses the layout of a graph with the same shape and other ops, and lays out a new shape anew', () => {
    expect(key(a, true)).toBe(key(b, true));
    expect(dagreLayout(b, true)).toBe(dagreLayout(a, true));
    const fewer = { ...a, edges: a.edges.slice(1) };
    expect(key(fewer, true)).not.toBe(key(a, true));
    expect(dagreLayout(fewer, true)).not.toBe(dagreLayout(a, true));
    // A chain's boxes are wider than a cell's nodes: the same graph drawn as a chain is another layout.
    expect(dagreLayout(a, false)).not.toBe(dagreLayout(a, true));
  });

  it('knows a layout only once it was laid out, and lays out the same shape the same way (as the worker does)', () => {
    const c = cell('|skip_connect~0|+|nor_conv_1x1~0|none~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|');
    expect(knownLayout(shapeOf(c, true))).toBeUndefined();
    const here = dagreLayout(c, true);
    expect(knownLayout(shapeOf(c, true))).toBe(here);
    expect(layOut(shapeOf(c, true))).toEqual(here);
  });
});
