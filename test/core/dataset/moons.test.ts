import { beforeAll, describe, expect, it } from 'vitest';
import { generateMoons } from '../../../src/core/dataset/moons';
import { parseExperiment } from '../../../src/core/experiment';
import { createRng } from '../../../src/core/rng';
import { prepareData } from '../../../src/data/load';
import { readPublicAsset } from '../../../src/data/node-assets';
import { runSearch } from '../../../src/engine/search';
import { useNodeBackend } from '../../../src/nn/backend-node';

function counts(y: Int32Array): number[] {
  const out = [0, 0];
  for (const c of y) out[c]! += 1;
  return out;
}

describe('the moons data set', () => {
  it('is generated from the seed: the same for a seed, another for another', () => {
    const a = generateMoons(createRng(1));
    expect(a.n).toBe(400);
    expect(counts(a.y)).toEqual([200, 200]);
    expect(generateMoons(createRng(1)).x).toEqual(a.x);
    expect(generateMoons(createRng(2)).x).not.toEqual(a.x);
    // The two moons interleave: neither lies wholly above the other.
    const ys = (moon: number) =>
      Array.from({ length: a.n }, (_, i) => i)
        .filter((i) => a.y[i] === moon)
        .map((i) => a.x[2 * i + 1]!);
    expect(Math.min(...ys(0))).toBeLessThan(Math.max(...ys(1)));
  });

  it('loads from its registry entry as 2-D points and splits stratified', async () => {
    const data = await prepareData(parseExperiment({ dataset: 'moons', data: { validationFraction: 0.25 } }), readPublicAsset);
    expect(data.info).toMatchObject({ id: 'moons', kind: 'points', classNames: ['upper moon', 'lower moon'] });
    expect(data.input).toEqual({ height: 1, width: 1, channels: 2 });
    expect(counts(data.val.y)).toEqual([50, 50]);
    expect(counts(data.test.y)).toEqual([40, 40]);
    expect(counts(data.train.y)).toEqual([110, 110]);
  });

  describe('search', () => {
    beforeAll(async () => {
      await useNodeBackend('wasm');
    });
    it('runs a short search on it', async () => {
      const x = parseExperiment({ dataset: 'moons', strategy: 'random', budget: 2, training: { epochs: 2 }, seed: 3 });
      const result = await runSearch(x, { readAsset: readPublicAsset, backend: 'wasm' }, () => undefined);
      expect(result.trials).toHaveLength(2);
      expect(result.best!.accuracy).toBeGreaterThan(0.5);
    });
  });
});
