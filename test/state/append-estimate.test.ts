import { describe, expect, it } from 'vitest';
import type { AppendReport } from '../../src/contracts/append';
import { timeLeftAfterAppend } from '../../src/state/append-estimate';
import { trialRecord } from '../fixtures/trial-record';

const report: AppendReport = {
  name: 'more.csv',
  unit: 'rows',
  added: 500,
  train: 1500,
  total: 2000,
  duplicates: 0,
  dropped: 0,
  filled: 0,
  clipped: 0,
  version: 1,
};

describe('the time left once data was appended', () => {
  it("scales the earlier trials' time by the rows the next trials train on", () => {
    const trials = [
      { ...trialRecord(0), seconds: 2 },
      { ...trialRecord(1), seconds: 4 },
      { ...trialRecord(2), seconds: 99, data: { version: 1, train: 1500 } },
    ];
    const left = timeLeftAfterAppend(trials, [report], 5, 1500);
    // 3 s a trial on 1000 rows → 4.5 s on 1500, two trials to go.
    expect(left).toEqual({ seconds: 9, perTrial: 4.5, before: 1000 });
    expect(timeLeftAfterAppend(trials, [], 5, 1500)).toBeNull();
    expect(timeLeftAfterAppend([], [report], 5, 1500)).toBeNull();
  });
});
