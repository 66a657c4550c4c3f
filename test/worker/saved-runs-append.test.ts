import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { DataArrivals } from '../../src/engine/arrivals';
import { loadRun, RunRecorder } from '../../src/worker/saved-runs';
import { trialRecord } from '../fixtures/trial-record';

describe('files appended to a run, kept with it on this device', () => {
  it('saves each appended file with the run, and a resumed recorder keeps them and adds more', async () => {
    const x = parseExperiment({ seed: 31 });
    const recorder = new RunRecorder(x, undefined, () => undefined);
    const arrivals = new DataArrivals();
    arrivals.onAdd = (file) => recorder.append(file);
    recorder.trial(trialRecord(0));
    arrivals.add({ name: 'more.csv', bytes: Uint8Array.of(1, 2, 3) });
    await recorder.written();
    const { run } = await loadRun(x);
    expect(run?.appended).toEqual([{ name: 'more.csv', bytes: Uint8Array.of(1, 2, 3) }]);
    expect(run?.appended?.[0]?.bytes).toBeInstanceOf(Uint8Array);

    const resumed = new RunRecorder(x, run, () => undefined);
    resumed.append({ name: 'again.csv', bytes: Uint8Array.of(4) });
    await resumed.written();
    expect((await loadRun(x)).run?.appended?.map((f) => f.name)).toEqual(['more.csv', 'again.csv']);
  });
});
