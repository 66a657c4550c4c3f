import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../../src/core/errors';
import { createRng } from '../../../src/core/rng';
import { MnasSpace } from '../../../src/core/space/mnas';

const space = new MnasSpace();

describe('MnasNet hierarchical space', () => {
  it('samples, mutates one decision, and round trips', () => {
    const rng = createRng(1);
    for (let i = 0; i < 100; i++) {
      const g = space.sample(rng);
      expect(space.decode(space.encode(g))).toEqual(g);
      expect(space.fromDecisions(space.toDecisions(g))).toEqual(g);
      const child = space.mutate(g, rng);
      const a = space.toDecisions(g);
      expect(space.toDecisions(child).filter((c, k) => c !== a[k])).toHaveLength(1);
    }
  });

  it('has six decisions per stage: (5·2·2·2·3·3)^stages', () => {
    expect(space.size()).toBe((5 * 2 * 2 * 2 * 3 * 3) ** 4);
  });

  it('rejects an unknown block with the stage named', () => {
    const g = space.sample(createRng(2));
    const bad = { stages: g.stages.map((s, i) => (i === 2 ? { ...s, conv: 'mbconv9' } : s)) };
    expect(() => space.parse(bad)).toThrow(PlaygroundError);
    expect(() => space.parse(bad)).toThrow(/stage 3 has conv mbconv9/);
  });

  it('draws one node per stage, with its repeat count and width', () => {
    const g = space.decode('mbconv6 k5 se0.25 identity w1 l+0 | conv k3 se0 none w0.75 l-1 | sepconv k3 se0 none w1.25 l+1 | mbconv3 k5 se0 identity w1 l+0');
    const graph = space.describe(g);
    expect(graph.nodes.map((n) => n.label)).toEqual(['input', 'conv 3×3', 'MBConv6 5×5', 'Conv 3×3', 'SepConv 3×3', 'MBConv3 5×5', 'pool + linear']);
    expect(graph.nodes.map((n) => n.kind)).toEqual(['input', 'conv_3x3', 'mbconv6', 'conv', 'sepconv', 'mbconv3', 'output']);
    expect(graph.nodes[2]!.detail).toBe('1× · 8 ch · SE');
    expect(graph.nodes[4]!.detail).toBe('3× · 30 ch · /2');
  });
});
