import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { indexedDbCache } from '../../src/data/byte-cache-browser';
import { keep, readCached } from '../../src/data/image-sets/cache';
import { forgetRun, loadRun, RunRecorder, summariseRun } from '../../src/worker/saved-runs';
import { trialRecord } from '../fixtures/trial-record';

/** This process has no IndexedDB at all, as a browser with site storage blocked: opening a store throws at once. */
describe('when site storage is blocked', () => {
  const x = parseExperiment({ seed: 3 });

  it('has nothing to resume, says why, and never throws', async () => {
    expect(typeof indexedDB).toBe('undefined');
    const loaded = await loadRun(x);
    expect(loaded.run).toBeUndefined();
    expect(loaded.notice).toMatch(/storage is blocked/);
    expect((await summariseRun(x)).run).toBeNull();
    await expect(forgetRun(x)).resolves.toBeUndefined();
  });

  it('records a run without storage, telling the person once what that costs', async () => {
    const told: string[] = [];
    const recorder = new RunRecorder(x, undefined, (m) => told.push(m));
    for (let i = 0; i < 3; i++) recorder.trial(trialRecord(i));
    await recorder.finish();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/storage is blocked .* a reload or a crash starts the run over/);
  });

  it('treats the image-set cache as empty rather than failing the download', async () => {
    const cache = indexedDbCache();
    const file = { urls: ['https://example.org/a'], sha256: null, bytes: 1 };
    await expect(readCached(cache, 'k', file)).resolves.toBeUndefined();
    await expect(keep(cache, 'k', new Uint8Array([1]))).resolves.toBeUndefined();
  });
});
