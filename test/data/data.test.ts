import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../src/core/errors';
import { parseExperiment } from '../../src/core/experiment';
import { createRng } from '../../src/core/rng';
import { parseDigits } from '../../src/data/digits';
import { prepareData } from '../../src/data/load';
import { readPublicAsset } from '../../src/data/node-assets';
import { makeShapes, makeSpiral } from '../../src/data/procedural';
import { stratifiedSplit } from '../../src/data/split';

function classCounts(y: Int32Array): Map<number, number> {
  const m = new Map<number, number>();
  for (const v of y) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

describe('datasets', () => {
  it('loads the shipped UCI digits: 1797 images of 8×8 in [0, 1], ten classes', async () => {
    const data = await prepareData(parseExperiment({ dataset: 'digits' }), readPublicAsset);
    expect(data.train.n + data.val.n + data.test.n).toBe(1797);
    expect(data.classes).toBe(10);
    expect(Math.max(...data.train.x)).toBeLessThanOrEqual(1);
    expect(Math.min(...data.train.x)).toBeGreaterThanOrEqual(0);
    expect(data.val.n / 1797).toBeCloseTo(0.2, 1);
  });

  it('reads digits whether the server already inflated the gzip or not', () => {
    const csv = '0,'.repeat(64) + '7\n' + '16,'.repeat(64) + '3\n';
    const plain = parseDigits(strToU8(csv));
    const gz = parseDigits(gzipSync(strToU8(csv)));
    expect(Array.from(plain.examples.y)).toEqual([7, 3]);
    expect(gz.examples.x).toEqual(plain.examples.x);
    expect(() => parseDigits(strToU8('1,2,3\n'))).toThrow(PlaygroundError);
  });

  it('generates procedural sets from the seed, the same every time', () => {
    expect(makeSpiral(createRng(1)).examples.x).toEqual(makeSpiral(createRng(1)).examples.x);
    expect(makeSpiral(createRng(1)).examples.x).not.toEqual(makeSpiral(createRng(2)).examples.x);
    const shapes = makeShapes(createRng(3));
    expect(shapes.info.input).toEqual({ height: 16, width: 16, channels: 1 });
    expect([...classCounts(shapes.examples.y).values()]).toEqual([150, 150, 150, 150]);
  });

  it('splits by class in the same proportion, seeded, without overlap', () => {
    const raw = makeSpiral(createRng(4), 100, 3).examples;
    const split = stratifiedSplit(raw, 2, 0.25, 0, createRng(5));
    expect(split.train.n + split.val.n).toBe(300);
    expect([...classCounts(split.val.y).values()]).toEqual([25, 25, 25]);
    const again = stratifiedSplit(raw, 2, 0.25, 0, createRng(5));
    expect(again.val.x).toEqual(split.val.x);
    const key = (x: Float32Array, i: number) => `${x[2 * i]},${x[2 * i + 1]}`;
    const trainKeys = new Set(Array.from({ length: split.train.n }, (_, i) => key(split.train.x, i)));
    for (let i = 0; i < split.val.n; i++) expect(trainKeys.has(key(split.val.x, i))).toBe(false);
    const capped = stratifiedSplit(raw, 2, 0.25, 60, createRng(5));
    expect(capped.train.n + capped.val.n).toBe(60);
  });

  it('holds out a stratified test split after validation, leaving validation as it was and every class something to train on', () => {
    const raw = makeSpiral(createRng(4), 100, 3).examples;
    const two = stratifiedSplit(raw, 2, 0.25, 0, createRng(5));
    const three = stratifiedSplit(raw, 2, 0.25, 0, createRng(5), 0.2);
    expect(three.val.x).toEqual(two.val.x);
    expect([...classCounts(three.test.y).values()]).toEqual([20, 20, 20]);
    expect(three.train.n + three.val.n + three.test.n).toBe(300);
    expect(two.test.n).toBe(0);
    const key = (x: Float32Array, i: number) => `${x[2 * i]},${x[2 * i + 1]}`;
    const seen = new Set([
      ...Array.from({ length: three.train.n }, (_, i) => key(three.train.x, i)),
      ...Array.from({ length: three.val.n }, (_, i) => key(three.val.x, i)),
    ]);
    for (let i = 0; i < three.test.n; i++) expect(seen.has(key(three.test.x, i))).toBe(false);
    // Three examples of a class: one validates, one tests, one trains.
    const tiny = stratifiedSplit({ x: new Float32Array(12), y: Int32Array.from([0, 0, 0, 1, 1, 1]), n: 6 }, 2, 0.3, 0, createRng(1), 0.5);
    expect([tiny.train.n, tiny.val.n, tiny.test.n]).toEqual([2, 2, 2]);
  });

  it('scales and engineers the test split with the training statistics, as validation', async () => {
    const x = parseExperiment({ dataset: 'wine', data: { testFraction: 0.25, features: { construct: 'polynomial' } } });
    const data = await prepareData(x, readPublicAsset);
    expect(data.test.n).toBeGreaterThan(0);
    expect(data.test.x.length).toBe(data.test.n * data.input.channels);
    expect(data.train.n + data.val.n + data.test.n).toBe(178);
  });
});

describe('lower resolution', () => {
  it('halves images by 2 × 2 averaging and leaves points alone', async () => {
    const { halveResolution } = await import('../../src/data/load');
    const raw = {
      info: { id: 'digits', title: 't', kind: 'image', input: { height: 2, width: 4, channels: 1 }, classNames: ['a'], source: '' },
      examples: { x: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]), y: Int32Array.from([0]), n: 1 },
    } as const;
    const half = halveResolution(raw as never);
    expect(half.info.input).toEqual({ height: 1, width: 2, channels: 1 });
    expect(Array.from(half.examples.x)).toEqual([(1 + 2 + 5 + 6) / 4, (3 + 4 + 7 + 8) / 4]);
    const points = makeSpiral(createRng(1));
    expect(halveResolution(points)).toBe(points);
    const data = await prepareData(parseExperiment({ dataset: 'digits', data: { resolution: 0.5 } }), readPublicAsset);
    expect(data.input).toEqual({ height: 4, width: 4, channels: 1 });
  });
});
