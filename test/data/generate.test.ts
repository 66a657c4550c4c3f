import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { createRng } from '../../src/core/rng';
import { prepareData } from '../../src/data/load';
import { readPublicAsset } from '../../src/data/node-assets';
import { previewData } from '../../src/data/preview';
import { fitTableGenerator, sampleTable } from '../../src/data/table-generator';
import type { Split } from '../../src/nn/train';

const rows = (s: Split, size: number, from: number, to: number) => Array.from(s.x.subarray(from * size, to * size));
const countsOf = (y: ArrayLike<number>, classes: number) => {
  const out = new Array<number>(classes).fill(0);
  for (let i = 0; i < y.length; i++) out[y[i]!]! += 1;
  return out;
};

/** Generated examples are added to the training split only, after its real ones, `amount` times each class's count. */
async function expectTrainingOnly(settings: Record<string, unknown>, amount: number) {
  const plain = await prepareData(parseExperiment(settings), readPublicAsset);
  const x = parseExperiment({ ...settings, data: { ...(settings.data as object), synthetic: { generate: 'gan', amount } } });
  const data = await prepareData(x, readPublicAsset);
  const size = data.input.height * data.input.width * data.input.channels;
  const real = plain.train.n;
  expect(data.prep.realTrain).toBe(real);
  expect(rows(data.train, size, 0, real)).toEqual(rows(plain.train, size, 0, real));
  expect(Array.from(data.val.x)).toEqual(Array.from(plain.val.x));
  expect(Array.from(data.test.x)).toEqual(Array.from(plain.test.x));
  const want = countsOf(plain.train.y.subarray(0, real), data.classes).map((c) => Math.round(c * amount));
  expect(countsOf(data.train.y.subarray(real, data.train.n), data.classes)).toEqual(want);
  expect(data.prep.generated!.added).toEqual(want);
  expect(plain.prep.generated).toBeUndefined();
  return { data, size, real };
}

describe('generated training examples', () => {
  it('a table gets rows from a Gaussian mixture per class, near its own class, in training only', async () => {
    const { data, size, real } = await expectTrainingOnly({ dataset: 'iris' }, 2);
    expect(data.prep.generated!.method).toMatch(/Gaussian mixture/);
    // Each class's generated mean lies nearer its own real mean than any other class's.
    const mean = (from: number, to: number, k: number) => {
      const m = new Array<number>(size).fill(0);
      let n = 0;
      for (let i = from; i < to; i++) {
        if (data.train.y[i] !== k) continue;
        n++;
        for (let f = 0; f < size; f++) m[f]! += data.train.x[i * size + f]!;
      }
      return m.map((v) => v / n);
    };
    for (let k = 0; k < 3; k++) {
      const g = mean(real, data.train.n, k);
      const d = [0, 1, 2].map((j) => Math.hypot(...mean(0, real, j).map((v, f) => v - g[f]!)));
      expect(d.indexOf(Math.min(...d))).toBe(k);
    }
  });

  it('points get mixture samples too, and the preview shows them beside the real ones', async () => {
    await expectTrainingOnly({ dataset: 'moons' }, 0.5);
    const preview = await previewData(parseExperiment({ dataset: 'iris', data: { synthetic: { generate: 'gan' } } }), readPublicAsset);
    expect(preview.synthetic!.n).toBeGreaterThan(0);
    expect(new Set(preview.synthetic!.y).size).toBe(3);
    expect(preview.balance.synthetic.every((c, k) => c === preview.prep.generated!.added[k])).toBe(true);
  });

  it('images get GAN samples, in training only, with the discriminator reported, and the same again from the same experiment', async () => {
    const { data } = await expectTrainingOnly({ dataset: 'digits', data: { maxExamples: 600 } }, 1);
    expect(data.prep.generated!.method).toMatch(/GAN/);
    expect(data.prep.generated!.discriminator!.steps).toBeGreaterThan(0);
    const again = await prepareData(
      parseExperiment({ dataset: 'digits', data: { maxExamples: 600, synthetic: { generate: 'gan', amount: 1 } } }),
      readPublicAsset,
    );
    expect(Array.from(again.train.x)).toEqual(Array.from(data.train.x));
  }, 180_000);

  it('the mixture repeats from the same seed and skips a class with no rows', () => {
    const train: Split = { x: Float32Array.from([0, 0, 1, 1, 0.5, 0.5, 9, 9]), y: Int32Array.from([0, 0, 0, 2]), n: 4 };
    const fit = () => fitTableGenerator(train, 2, 3, createRng('m'));
    const a = sampleTable(fit(), [3, 3, 3], 2, createRng('s'));
    expect(Array.from(a.x)).toEqual(Array.from(sampleTable(fit(), [3, 3, 3], 2, createRng('s')).x));
    expect(Array.from(a.y)).toEqual([0, 0, 0, 2, 2, 2]);
    // Class 2 has one row: its samples spread around it by the minimum spread only.
    for (let i = 3; i < 6; i++) expect(Math.abs(a.x[i * 2]! - 9)).toBeLessThan(0.5);
  });
});
