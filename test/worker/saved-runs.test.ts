import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { browserStore, StorageError } from '../../src/data/browser-store';
import { loadRun, runKey, RunRecorder, SAVED_RUN_VERSION, summariseRun, useRunStore } from '../../src/worker/saved-runs';
import { trialRecord } from '../fixtures/trial-record';

/** The runs store of the page, here on an in-memory IndexedDB (fake-indexeddb). */
const raw = browserStore('nas-playground-runs', 'runs');

describe('runs kept on this device', () => {
  it('keeps a run as it grows and offers it back', async () => {
    const x = parseExperiment({ seed: 11 });
    const recorder = new RunRecorder(x, undefined, () => {
      throw new Error('nothing to tell');
    });
    recorder.trial(trialRecord(0));
    recorder.trial(trialRecord(1));
    await new Promise((r) => setTimeout(r, 50));
    const found = await summariseRun(x);
    expect(found).toEqual({ run: { trials: 2, savedAt: expect.any(Number) }, notice: null });
    expect(((await raw.get(runKey(x))) as { version: number }).version).toBe(SAVED_RUN_VERSION);
  });

  it.each([
    ['damaged', { version: SAVED_RUN_VERSION, trials: 'nope', savedAt: 1 }, /the record is damaged/],
    ['from another version', { version: 99, trials: [], savedAt: 1 }, /saved by another version/],
    ['not even an object', 'garbage', /the record is damaged/],
  ])('removes a record that is %s, and says so', async (_what, record, notice) => {
    const x = parseExperiment({ seed: 12 });
    await raw.set(runKey(x), record);
    const found = await summariseRun(x);
    expect(found.run).toBeNull();
    expect(found.notice).toMatch(notice);
    expect(await raw.get(runKey(x))).toBeUndefined();
  });

  it('reads a record from before versions existed (same shape, no version)', async () => {
    const x = parseExperiment({ seed: 13 });
    await raw.set(runKey(x), { trials: [trialRecord(0)], savedAt: 5 });
    const { run, notice } = await loadRun(x);
    expect(notice).toBeNull();
    expect(run?.trials).toHaveLength(1);
  });

  it('tells once, and goes on, when the disk is full', async () => {
    const x = parseExperiment({ seed: 14 });
    useRunStore({ ...raw, set: () => Promise.reject(new StorageError('full', new DOMException('quota', 'QuotaExceededError'))) });
    try {
      const told: string[] = [];
      const recorder = new RunRecorder(x, undefined, (m) => told.push(m));
      for (let i = 0; i < 4; i++) recorder.trial(trialRecord(i));
      await recorder.finish();
      expect(told).toEqual([expect.stringMatching(/storage for the playground is full/)]);
    } finally {
      useRunStore(raw);
    }
  });
});
