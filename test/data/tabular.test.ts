import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../src/core/errors';
import { parseExperiment } from '../../src/core/experiment';
import { prepareData } from '../../src/data/load';
import { readPublicAsset } from '../../src/data/node-assets';
import { parseTable } from '../../src/data/tabular';

const encode = (text: string) => new TextEncoder().encode(text);

describe('shipped tables', () => {
  it.each([
    ['iris', 150, 4, 3],
    ['wine', 178, 13, 3],
    ['breast_cancer', 569, 30, 2],
  ] as const)('%s: %i rows of %i features in %i classes, as 1 × 1 × F inputs', async (id, rows, features, classes) => {
    const data = await prepareData(parseExperiment({ dataset: id }), readPublicAsset);
    expect(data.train.n + data.val.n + data.test.n).toBe(rows);
    expect(data.input).toEqual({ height: 1, width: 1, channels: features });
    expect(data.classes).toBe(classes);
  });

  it('standardises features with the training split only', async () => {
    const data = await prepareData(parseExperiment({ dataset: 'wine' }), readPublicAsset);
    const f = 12; // proline, in the hundreds before scaling
    const column = (x: Float32Array, n: number) => Array.from({ length: n }, (_, i) => x[i * 13 + f]!);
    const train = column(data.train.x, data.train.n);
    const mean = train.reduce((a, b) => a + b, 0) / train.length;
    const std = Math.sqrt(train.reduce((a, b) => a + (b - mean) ** 2, 0) / train.length);
    expect(mean).toBeCloseTo(0, 5);
    expect(std).toBeCloseTo(1, 4);
    // The validation split is scaled with the same numbers, so its mean is near but not exactly 0.
    const val = column(data.val.x, data.val.n);
    expect(Math.abs(val.reduce((a, b) => a + b, 0) / val.length)).toBeLessThan(0.5);
  });

  it('says what is wrong with a damaged table', () => {
    expect(() => parseTable('iris', encode('3,2,a,b\n1,2,0\n'))).toThrow(/declares 3 rows but has 1/);
    expect(() => parseTable('iris', encode('1,2,a,b\n1,x,0\n'))).toThrow(/row 2 is not 2 numbers and a label/);
    expect(() => parseTable('iris', encode('1,2,a,b\n1,2,5\n'))).toThrow(PlaygroundError);
  });
});
