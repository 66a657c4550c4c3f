import { describe, expect, it } from 'vitest';
import { compactNumber, duration, percent, roughDuration, spaceSize, tickNumber } from '../../src/core/format';

describe('number formats', () => {
  it('writes counts compactly', () => {
    expect(compactNumber(980)).toBe('980');
    expect(compactNumber(4632)).toBe('4.6 k');
    expect(compactNumber(2_500_000)).toBe('2.50 M');
  });

  it('writes space sizes exactly when small, in powers of ten when large', () => {
    expect(spaceSize(15625)).toBe('15 625');
    expect(spaceSize(5.6e9)).toBe('5.6 × 10⁹');
    expect(spaceSize(1.23e15)).toBe('1.2 × 10¹⁵');
  });
});

describe('formats for charts and times', () => {
  it('writes axis ticks without trailing zeros', () => {
    expect(tickNumber(1000)).toBe('1 k');
    expect(tickNumber(10_000)).toBe('10 k');
    expect(tickNumber(2_500_000)).toBe('2.5 M');
    expect(tickNumber(12)).toBe('12');
    expect(tickNumber(0.5)).toBe('0.5');
  });

  it('writes durations at the precision they deserve, never "0.0 s"', () => {
    expect(duration(0.04)).toBe('40 ms');
    expect(duration(0.0001)).toBe('1 ms');
    expect(duration(1.43)).toBe('1.4 s');
    expect(duration(12.4)).toBe('12 s');
    expect(duration(185)).toBe('3 min 5 s');
    expect(duration(4800)).toBe('1 h 20 min');
    expect(roughDuration(0.3)).toBe('under a second');
    expect(roughDuration(23)).toBe('about 25 s');
    expect(roughDuration(420)).toBe('about 7 min');
  });

  it('writes accuracies with one decimal', () => {
    expect(percent(0.84213)).toBe('84.2%');
    expect(percent(0.9437, 2)).toBe('94.37%');
  });
});
