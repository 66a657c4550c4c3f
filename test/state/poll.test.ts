import { describe, expect, it } from 'vitest';
import { pollEverySecond } from '../../src/state/poll';

describe('polling the worker', () => {
  it('reads while active and hands each value on, then stops', async () => {
    const seen: number[] = [];
    let reads = 0;
    await pollEverySecond(
      async () => ++reads,
      () => reads < 3,
      (v) => seen.push(v),
      1,
    );
    expect(seen).toEqual([1, 2, 3]);
  });

  it('ends at the first failed read', async () => {
    const seen: number[] = [];
    let reads = 0;
    await pollEverySecond(
      async () => {
        if (++reads === 2) throw new Error('worker gone');
        return reads;
      },
      () => true,
      (v) => seen.push(v),
      1,
    );
    expect(seen).toEqual([1]);
    expect(reads).toBe(2);
  });
});
