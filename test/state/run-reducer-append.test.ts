import { describe, expect, it } from 'vitest';
import type { AppendReport } from '../../src/contracts/append';
import type { StartInfo } from '../../src/contracts/events';
import { applyEvents, beginRun, idleRun } from '../../src/state/run-reducer';

const info: StartInfo = {
  backend: 'wasm',
  dataset: { title: 'mine.csv', train: 1000, val: 200, test: 200, classes: 2 },
  evaluator: 'train',
  spaceTitle: 'chain',
  spaceSize: 10,
  budget: 3,
};
const report: AppendReport = {
  name: 'more.csv',
  unit: 'rows',
  added: 240,
  train: 1240,
  total: 1640,
  duplicates: 0,
  dropped: 0,
  filled: 3,
  clipped: 0,
  version: 1,
};

describe('data appended while a run runs, in the page state', () => {
  it('moves the data panel to the enlarged set, keeps the reports for the note beside the digest, and says what was added', () => {
    let state = beginRun(idleRun());
    state = applyEvents(state, state.runId, [{ type: 'start', info }]);
    const dataset = { ...info.dataset, train: 1240 };
    state = applyEvents(state, state.runId, [{ type: 'data', dataset, appended: [report] }]);
    expect(state.info?.dataset).toEqual(dataset);
    expect(state.info?.spaceTitle).toBe('chain');
    expect(state.appended).toEqual([report]);
    expect(state.notice).toBe(
      "more.csv: added 240 rows (now 1 640); cleaned with the first file's statistics (3 missing cells filled); data version 1, used from the next trial on.",
    );
    // A new run starts with nothing appended.
    expect(beginRun(state).appended).toEqual([]);
  });
});
