import { describe, expect, it } from 'vitest';
import type { Remote } from 'comlink';
import type { SavedRunCheck } from '../../src/contracts/runs';
import type { SearchWorkerApi } from '../../src/contracts/worker-api';
import { parseExperiment } from '../../src/core/experiment';
import { InterruptedRun } from '../../src/state/interrupted-run.svelte';

/** A worker whose answers to "is a run of this kept?" come back when the test says. */
function slowWorker() {
  const pending: Array<(answer: SavedRunCheck) => void> = [];
  const worker = {
    interruptedRun: () => new Promise<SavedRunCheck>((answer) => pending.push(answer)),
    forgetRun: async () => undefined,
  } as unknown as Remote<SearchWorkerApi>;
  return { worker, pending };
}
const kept = (trials: number): SavedRunCheck => ({ run: { trials, savedAt: trials }, notice: null });
const experiment = parseExperiment({});

describe('the interrupted run offered to resume', () => {
  it('ignores an answer that arrives after a run started (it would offer the running run again, with an old count)', async () => {
    const { worker, pending } = slowWorker();
    const offer = new InterruptedRun(worker);
    const asked = offer.check(experiment);
    offer.clear(); // the person pressed Resume before the answer came
    pending[0]!(kept(5));
    await asked;
    expect(offer.summary).toBeNull();
  });

  it('keeps the newest answer when two checks cross', async () => {
    const { worker, pending } = slowWorker();
    const offer = new InterruptedRun(worker);
    const first = offer.check(experiment);
    const second = offer.check(experiment);
    pending[1]!(kept(7));
    await second;
    pending[0]!(kept(5));
    await first;
    expect(offer.summary?.trials).toBe(7);
  });

  it('offers what a check finds when nothing happened in between', async () => {
    const { worker, pending } = slowWorker();
    const offer = new InterruptedRun(worker);
    const asked = offer.check(experiment);
    pending[0]!(kept(3));
    await asked;
    expect(offer.summary?.trials).toBe(3);
  });
});
