import { describe, expect, it } from 'vitest';
import { augmentBatch, NO_AUGMENT } from '../../src/core/augment';
import { parseExperiment } from '../../src/core/experiment';
import { decodeLink, encodeLink } from '../../src/core/link';
import { createRng } from '../../src/core/rng';
import { baselineAccuracy } from '../../src/data/baseline';
import { engineerFeatures, mutualInformation, scaleSplits } from '../../src/data/features';
import { prepareData } from '../../src/data/load';
import { readPublicAsset } from '../../src/data/node-assets';
import { balanceClasses } from '../../src/data/synthetic';
import type { Split } from '../../src/nn/train';

const split = (rows: number[][], y: number[]): Split => ({ x: Float32Array.from(rows.flat()), y: Int32Array.from(y), n: rows.length });
const NONE = { construct: 'none', bins: 4, select: 'none', keep: 8, pca: 0 } as const;

describe('feature engineering (fitted on the training split)', () => {
  it('builds degree-2 polynomial features after the originals', () => {
    const train = split(
      [
        [2, 3],
        [1, 0],
      ],
      [0, 1],
    );
    const out = engineerFeatures(train, split([[4, 5]], [0]), ['a', 'b'], 2, { ...NONE, construct: 'polynomial' });
    expect(out.columns).toEqual(['a', 'b', 'a²', 'a×b', 'b²']);
    expect(Array.from(out.train.x.slice(0, 5))).toEqual([2, 3, 4, 6, 9]);
    expect(Array.from(out.val.x)).toEqual([4, 5, 16, 20, 25]);
    expect(out.report.steps[0]).toMatchObject({ before: 2, after: 5 });
  });

  it('bins each column into quantile indicators with edges from the training split', () => {
    const train = split([[1], [2], [3], [4]], [0, 0, 1, 1]);
    const out = engineerFeatures(train, split([[2.5], [100]], [0, 1]), ['a'], 2, { ...NONE, construct: 'binning', bins: 2 });
    expect(out.columns).toEqual(['a bin 1', 'a bin 2']);
    expect(Array.from(out.train.x)).toEqual([1, 0, 1, 0, 0, 1, 0, 1]);
    expect(Array.from(out.val.x)).toEqual([1, 0, 0, 1]);
  });

  it('selects by variance or by mutual information with the class', () => {
    // Column "signal" is the label; "wide" varies most but says nothing about it.
    const rows = Array.from({ length: 40 }, (_, i) => [i % 2, ((i * 7) % 10) * 10]);
    const y = rows.map((r) => r[0]!);
    const train = split(rows, y);
    const val = split(rows.slice(0, 4), y.slice(0, 4));
    expect(engineerFeatures(train, val, ['signal', 'wide'], 2, { ...NONE, select: 'variance', keep: 1 }).columns).toEqual(['wide']);
    expect(engineerFeatures(train, val, ['signal', 'wide'], 2, { ...NONE, select: 'mutual-info', keep: 1 }).columns).toEqual(['signal']);
    // A column equal to a balanced binary label carries log 2 nats about it; an independent one none.
    expect(mutualInformation(Float64Array.from(y), Int32Array.from(y), 2)).toBeCloseTo(Math.log(2), 6);
    expect(mutualInformation(Float64Array.from(rows.map((_, i) => Math.floor(i / 2) % 2)), Int32Array.from(y), 2)).toBeCloseTo(0, 6);
  });

  it('PCA finds the one direction of points on a line, explaining all the variance', () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i, 2 * i + 1, -i]);
    const out = engineerFeatures(
      split(
        rows,
        rows.map((_, i) => i % 2),
      ),
      split(rows.slice(0, 2), [0, 1]),
      ['a', 'b', 'c'],
      2,
      { ...NONE, pca: 1 },
    );
    expect(out.columns).toEqual(['PC1']);
    expect(out.report.steps[0]!.detail).toMatch(/explain 100\.0 %/);
    // Projections keep the spacing of the points along the line: |direction| · Δi = √6 per step.
    expect(Math.abs(out.train.x[1]! - out.train.x[0]!)).toBeCloseTo(Math.sqrt(6), 4);
  });

  it('min-max scaling maps the training range to [0, 1]; the baseline separates separable classes', () => {
    const train = split([[0], [5], [10]], [0, 0, 1]);
    const val = split([[20]], [1]);
    scaleSplits(train, val, 1, 'minmax');
    expect(Array.from(train.x)).toEqual([0, 0.5, 1]);
    expect(val.x[0]).toBe(2);
    const sep = split(
      Array.from({ length: 20 }, (_, i) => [i < 10 ? -1 - i / 10 : 1 + i / 10]),
      Array.from({ length: 20 }, (_, i) => (i < 10 ? 0 : 1)),
    );
    expect(baselineAccuracy(sep, sep, 1, 2)).toBe(1);
  });
});

describe('class-conditional synthetic examples', () => {
  it('brings every class up to the largest with points between examples of the same class', () => {
    const train = split(
      [
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 3],
        [10, 10],
        [12, 12],
      ],
      [0, 0, 0, 0, 1, 1],
    );
    const { train: out, report } = balanceClasses(train, 2, 2, createRng('smote'));
    expect(report.added).toEqual([0, 2]);
    expect(out.n).toBe(8);
    expect(Array.from(out.y.slice(6))).toEqual([1, 1]);
    for (let i = 6; i < 8; i++) {
      expect(out.x[i * 2]).toBeGreaterThanOrEqual(10);
      expect(out.x[i * 2]).toBeLessThanOrEqual(12);
      expect(out.x[i * 2]).toBe(out.x[i * 2 + 1]); // on the segment
    }
    expect(Array.from(out.x.slice(0, 12))).toEqual(Array.from(train.x)); // the real ones first, untouched
  });
});

describe('seeded image augmentation', () => {
  const shape = { height: 4, width: 4, channels: 1 };
  const image = Float32Array.from({ length: 16 }, (_, i) => i + 1);
  const two = Float32Array.from([...image, ...image.map((v) => -v)]);
  const labels = Int32Array.from([0, 1]);

  it('is the same for the same seed and differs for another', () => {
    const a = { ...NO_AUGMENT, flip: true, crop: 1, rotate: 15, noise: 0.1, cutout: 2 };
    const x1 = augmentBatch(two, labels, 2, shape, 2, a, createRng('aug-1')).x;
    const x2 = augmentBatch(two, labels, 2, shape, 2, a, createRng('aug-1')).x;
    const x3 = augmentBatch(two, labels, 2, shape, 2, a, createRng('aug-2')).x;
    expect(Array.from(x1)).toEqual(Array.from(x2));
    expect(Array.from(x1)).not.toEqual(Array.from(x3));
    expect(Array.from(two.slice(0, 16))).toEqual(Array.from(image)); // the input is not changed
  });

  it('flips mirror rows, crops shift content with zero padding, cutout zeroes a square', () => {
    const mirrored = [4, 3, 2, 1, 8, 7, 6, 5, 12, 11, 10, 9, 16, 15, 14, 13];
    for (let s = 0; s < 6; s++) {
      const out = Array.from(augmentBatch(image, labels, 1, shape, 2, { ...NO_AUGMENT, flip: true }, createRng(`flip-${s}`)).x);
      expect([Array.from(image), mirrored]).toContainEqual(out);
    }
    const cropped = augmentBatch(image, labels, 1, shape, 2, { ...NO_AUGMENT, crop: 1 }, createRng('crop')).x;
    const kept = Array.from(cropped).filter((v) => v !== 0);
    expect(kept.every((v) => image.includes(v))).toBe(true);
    const cut = augmentBatch(image, labels, 1, shape, 2, { ...NO_AUGMENT, cutout: 2 }, createRng('cut')).x;
    const zeros = Array.from(cut).filter((v) => v === 0).length;
    expect(zeros).toBeGreaterThanOrEqual(1);
    expect(zeros).toBeLessThanOrEqual(4);
  });

  it('mixup blends pairs and their labels with the same weight', () => {
    const { x, y } = augmentBatch(two, labels, 2, shape, 2, { ...NO_AUGMENT, mixup: 0.4 }, createRng('mix'));
    for (let b = 0; b < 2; b++) {
      expect(y[b * 2]! + y[b * 2 + 1]!).toBeCloseTo(1, 6);
      // Pixel p is λ·(p+1) − (1−λ)·(p+1) for a mixed pair: x / image = y0 − y1.
      expect(x[b * 16 + 5]! / image[5]!).toBeCloseTo(y[b * 2]! - y[b * 2 + 1]!, 5);
    }
  });

  it('rotating by a small angle moves pixels but keeps the image close', () => {
    const out = augmentBatch(image, labels, 1, shape, 2, { ...NO_AUGMENT, rotate: 10 }, createRng('rot')).x;
    expect(Array.from(out)).not.toEqual(Array.from(image));
    expect(Math.abs(out[5]! - image[5]!)).toBeLessThan(3);
  });
});

describe('prepared data in the experiment', () => {
  it('iris with polynomial features, mutual-information selection and balancing: report, baseline, and a link that carries the settings', async () => {
    const x = parseExperiment({
      dataset: 'iris',
      data: { cleaning: { scale: 'minmax' }, features: { construct: 'polynomial', select: 'mutual-info', keep: 6 }, synthetic: { balance: true } },
    });
    const data = await prepareData(x, readPublicAsset, undefined, undefined, { baseline: true });
    expect(data.input.channels).toBe(6);
    expect(data.prep.features!.steps.map((s) => [s.before, s.after])).toEqual([
      [4, 14],
      [14, 6],
    ]);
    expect(data.prep.features!.baseline!.before).toBeGreaterThan(0.5);
    expect(data.prep.features!.baseline!.after).toBeGreaterThan(0.5);
    expect(data.prep.cleaning!.types).toHaveLength(4);
    const again = await prepareData(decodeLink(encodeLink(x)).experiment, readPublicAsset);
    expect(Array.from(again.train.x)).toEqual(Array.from(data.train.x));
    expect(again.prep.features!.baseline).toBeNull(); // a search does not pay for the panel's baseline
    expect(decodeLink(encodeLink(x)).experiment.data).toEqual(x.data);
  });
});
