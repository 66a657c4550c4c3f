import { describe, expect, it } from 'vitest';
import { compactNumber, spaceSize } from '../../src/core/format';

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
