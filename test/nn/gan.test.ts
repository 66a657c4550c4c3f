import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { baselineAccuracy } from '../../src/data/baseline';
import { DIGITS_PATH, parseDigits } from '../../src/data/digits';
import { readPublicAsset } from '../../src/data/node-assets';
import { GAN_SETTINGS, trainGan } from '../../src/nn/gan';
import type { Split } from '../../src/nn/train';

const SIZE = 64;

async function digits(): Promise<Split> {
  return parseDigits(await readPublicAsset(DIGITS_PATH)).examples;
}

/** The mean example of each class. */
function classMeans(s: Split): Float64Array[] {
  const means = Array.from({ length: 10 }, () => new Float64Array(SIZE));
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < s.n; i++) {
    counts[s.y[i]!]! += 1;
    for (let p = 0; p < SIZE; p++) means[s.y[i]!]![p]! += s.x[i * SIZE + p]!;
  }
  return means.map((m, k) => m.map((v) => v / counts[k]!));
}

const distance = (a: Float64Array, b: Float64Array) => Math.hypot(...Array.from(a, (v, p) => v - b[p]!));

describe('the class-conditional GAN on digits', () => {
  it('learns: the discriminator ends near a draw, each class of samples moves to its class mean, and a classifier of real digits reads the samples as their class', async () => {
    const real = await digits();
    const counts = new Array<number>(10).fill(30);
    const untrained = trainGan(real, SIZE, 10, createRng('gan-test').fork('gan'), { ...GAN_SETTINGS, steps: 1 });
    const gan = trainGan(real, SIZE, 10, createRng('gan-test').fork('gan'), GAN_SETTINGS, 100);
    const end = gan.history[gan.history.length - 1]!;
    // Neither player has won: the discriminator is right on real and on generated examples more than
    // 30 % of the time each, and does not tell them apart perfectly.
    for (const a of [end.realAccuracy, end.fakeAccuracy]) {
      expect(a).toBeGreaterThan(0.3);
      expect(a).toBeLessThan(0.95);
    }
    const truth = classMeans(real);
    const before = classMeans(untrained.sample(counts, createRng('samples')));
    const after = classMeans(gan.sample(counts, createRng('samples')));
    for (let k = 0; k < 10; k++) expect(distance(after[k]!, truth[k]!)).toBeLessThan(0.6 * distance(before[k]!, truth[k]!));
    // Softmax regression fitted on real digits labels the GAN's class-k samples k far above chance (10 %).
    const samples = gan.sample(counts, createRng('classify'));
    expect(baselineAccuracy(real, samples, SIZE, 10)).toBeGreaterThan(0.6);
    expect(baselineAccuracy(real, untrained.sample(counts, createRng('classify')), SIZE, 10)).toBeLessThan(0.3);
  }, 120_000);

  it('repeats to the digit from the same seed, and differs with another', async () => {
    const real = await digits();
    const short = { ...GAN_SETTINGS, steps: 60 };
    const a = trainGan(real, SIZE, 10, createRng(3).fork('gan'), short).sample([2, 2, 2, 2, 2, 2, 2, 2, 2, 2], createRng(3).fork('s'));
    const b = trainGan(real, SIZE, 10, createRng(3).fork('gan'), short).sample([2, 2, 2, 2, 2, 2, 2, 2, 2, 2], createRng(3).fork('s'));
    const c = trainGan(real, SIZE, 10, createRng(4).fork('gan'), short).sample([2, 2, 2, 2, 2, 2, 2, 2, 2, 2], createRng(3).fork('s'));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
    expect(Array.from(a.y)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
    // Samples stay in the training split's range (0..1 for digits).
    expect(Math.min(...a.x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a.x)).toBeLessThanOrEqual(1);
  });
});
