import { describe, expect, it } from 'vitest';
import type { TrialRecord } from '../../src/contracts/events';
import { returnsLatest } from '../../src/core/methods';
import { returnedTrial } from '../../src/state/returned-trial';

function trial(index: number, reward: number): TrialRecord {
  return {
    index,
    encoded: `g${index}`,
    genotype: { index },
    origin: 'random',
    reward,
    graph: { nodes: [], edges: [] },
    accuracy: reward,
    curve: [],
    params: 100,
    flops: 1000,
    seconds: 0.1,
  };
}

describe('the returned trial', () => {
  const trials = [trial(0, 0.6), trial(1, 0.9), trial(2, 0.7)];

  it('is the one the engine named once the search is done', () => {
    expect(returnedTrial(trials, 2, 'random')).toBe(trials[2]);
  });

  it('is, before that, the top scorer, or for a search that reads α its latest derived genotype', () => {
    expect(returnedTrial(trials, null, 'evolution')).toBe(trials[1]);
    expect(returnsLatest('darts')).toBe(true);
    expect(returnsLatest('spos')).toBe(false);
    expect(returnedTrial(trials, null, 'darts')).toBe(trials[2]);
    expect(returnedTrial([], null, 'darts')).toBeNull();
  });
});
