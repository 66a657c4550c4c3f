import { describe, expect, it } from 'vitest';
import { formatTable, shareLine } from '../../src/cli/format';
import { parseExperiment } from '../../src/core/experiment';
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

  it('says under the share link when its result cannot repeat to the digit (a reward on measured latency)', () => {
    expect(shareLine('#v=3&x=a', parseExperiment({}))).toBe('share link: #v=3&x=a');
    expect(shareLine('#v=3&x=a', parseExperiment({ objective: { kind: 'mnas', cost: 'latency' } }))).toMatch(/^share link: #v=3&x=a\nnote: .*latency measured/);
  });
});
