import { describe, expect, it } from 'vitest';
import { compareDigest, makeDigest } from '../../src/core/digest';

const trials = [
  { encoded: 'a', accuracy: 0.5 },
  { encoded: 'b', accuracy: 0.9 },
  { encoded: 'c', accuracy: 0.7 },
];

describe('result digest', () => {
  it('names the top scorer when the method names nothing, and the trial it returns when it does', () => {
    expect(makeDigest(trials, 'wasm')!.best).toBe('b');
    const derived = makeDigest(trials, 'wasm', 2)!;
    expect(derived.best).toBe('c');
    expect(derived.accuracy).toBe(0.7);
  });

  it('hashes every trial alike whichever trial is returned, so a re-run compares the same', () => {
    const returnedLast = makeDigest(trials, 'wasm', 2)!;
    const topScorer = makeDigest(trials, 'wasm')!;
    expect(returnedLast.hash).toBe(topScorer.hash);
    expect(compareDigest(topScorer, trials, 'wasm')).toEqual({ kind: 'reproduced' });
    expect(compareDigest(returnedLast, trials, 'wasm')).toEqual({ kind: 'reproduced' });
  });

  it('falls back to the top scorer when the named trial does not exist', () => {
    expect(makeDigest(trials, 'wasm', 7)!.best).toBe('b');
    expect(makeDigest(trials, 'wasm', null)!.best).toBe('b');
  });
});
