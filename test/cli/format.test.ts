import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/format';
import { trialRecord } from '../fixtures/trial-record';

const trial = (index: number, reward: number) => ({ ...trialRecord(index), accuracy: reward, reward });

describe('CLI trial table', () => {
  const trials = [trial(0, 0.4), trial(1, 0.9), trial(2, 0.6)];
  const starred = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith('*'))
      .map((line) => line.split(/\s+/)[0]);

  it('stars the trial the search returns (a derived cell), not the top scorer', () => {
    expect(starred(formatTable(trials, 'wasm', 'digits', trials[2]!))).toEqual(['*3']);
  });

  it('stars the top scorer when told nothing else', () => {
    expect(starred(formatTable(trials, 'wasm', 'digits'))).toEqual(['*2']);
  });
});
