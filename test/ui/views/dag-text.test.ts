import { describe, expect, it } from 'vitest';
import { ChainSpace } from '../../../src/core/space/chain';
import { Nb201Space } from '../../../src/core/space/nb201';
import { edgesAsText, legendOf } from '../../../src/ui/views/dag-text';

describe('a graph in words and its legend', () => {
  it('lists a chain’s layers with their widths and strides, and its skips', () => {
    const space = new ChainSpace({ depth: 3, widths: [8, 16] });
    const graph = space.describe(space.decode('conv3x3-8/2|max_pool3x3<0|identity'));
    expect(edgesAsText(graph)).toEqual([
      'input → conv 3×3 (8 ch · /2)',
      'conv 3×3 (8 ch · /2) → max pool 3×3',
      'input → max pool 3×3, a skip connection',
      'max pool 3×3 → skip',
      'skip → pool + linear',
    ]);
    const legend = legendOf(graph);
    expect(legend.ops.map((o) => o.label)).toEqual(['conv 3×3', 'max pool 3×3', 'skip']);
    expect(legend).toMatchObject({ skips: true, strided: true, opsOnEdges: false });
  });

  it('names the op on each edge of a cell', () => {
    const space = new Nb201Space();
    const graph = space.describe(space.decode('|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|nor_conv_1x1~1|skip_connect~2|'));
    const lines = edgesAsText(graph);
    expect(lines.some((l) => /through conv 3×3/.test(l))).toBe(true);
    expect(legendOf(graph).opsOnEdges).toBe(true);
  });
});
