import { describe, expect, it } from 'vitest';
import { kendallTau, meanStd, ranks, spearman } from '../../src/core/stats';

describe('rank correlations', () => {
  it('ranks ties by their average rank', () => {
    expect(ranks([10, 30, 20, 30])).toEqual([1, 3.5, 2, 3.5]);
  });

  it('are 1 for the same order, −1 for the reverse, whatever the scale', () => {
    const a = [0.1, 0.5, 0.3, 0.9];
    expect(
      kendallTau(
        a,
        a.map((v) => v * 100 + 3),
      ),
    ).toBeCloseTo(1, 12);
    expect(
      spearman(
        a,
        a.map((v) => Math.exp(v)),
      ),
    ).toBeCloseTo(1, 12);
    expect(
      kendallTau(
        a,
        a.map((v) => -v),
      ),
    ).toBeCloseTo(-1, 12);
    expect(
      spearman(
        a,
        a.map((v) => -v),
      ),
    ).toBeCloseTo(-1, 12);
  });

  it('match a worked example: 6 concordant and 4 discordant pairs of 10', () => {
    // b against a = 1..5: pairs (1,2) + (1,3) − (1,4) − (1,5) + … counted by hand: τ = (6 − 4) / 10; Σd² = 16, ρ = 1 − 6·16 / (5·24).
    expect(kendallTau([1, 2, 3, 4, 5], [3, 4, 1, 2, 5])).toBeCloseTo(0.2, 12);
    expect(spearman([1, 2, 3, 4, 5], [3, 4, 1, 2, 5])).toBeCloseTo(0.2, 12);
  });

  it('τ-b discounts ties', () => {
    // Pairs (1,2) tied in b, (1,3) and (2,3) concordant: (2 − 0) / √((2 + 0) · (2 + 1)).
    expect(kendallTau([1, 2, 3], [1, 1, 2])).toBeCloseTo(2 / Math.sqrt(6), 12);
    expect(meanStd([1, 3]).std).toBe(1);
  });
});
