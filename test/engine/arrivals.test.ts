import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/contracts/events';
import { appendRefusal } from '../../src/core/appendable';
import { contentHash } from '../../src/core/digest';
import { parseExperiment } from '../../src/core/experiment';
import { readPublicAsset } from '../../src/data/node-assets';
import { checkAppended, DataArrivals } from '../../src/engine/arrivals';
import { runSearch } from '../../src/engine/search';
import { on } from '../nn/helpers';

const bytes = (text: string) => new TextEncoder().encode(text);
const table = (count: number, from: number) =>
  bytes(`a,b,kind\n${Array.from({ length: count }, (_, k) => `${Math.sin(from + k).toFixed(4)},${((from + k) % 7) / 7},${['x', 'y'][k % 2]}`).join('\n')}\n`);
const FIRST = table(40, 0);
const MORE = table(30, 1000);
const experiment = parseExperiment({
  dataset: 'own',
  space: 'chain',
  strategy: 'random',
  budget: 3,
  training: { epochs: 1 },
  spaceSettings: { chain: { depth: 2 } },
  data: { file: { name: 'first.csv', hash: contentHash(FIRST) } },
});
const userFile = { name: 'first.csv', bytes: FIRST };

describe('a search whose data grows while it runs', () => {
  beforeAll(() => on('wasm'));

  it('trains the trials after an append on more rows, records the data version on them, and tells the page', async () => {
    const arrivals = new DataArrivals();
    const events: EngineEvent[] = [];
    const result = await runSearch(experiment, { readAsset: readPublicAsset, backend: 'wasm', userFile, arrivals }, (e) => {
      events.push(e);
      // The file arrives while trial 1 runs: trial 2 on trains with it.
      if (e.type === 'trial-start' && e.index === 0) arrivals.add({ name: 'more.csv', bytes: MORE });
    });
    const start = events.find((e) => e.type === 'start');
    const data = events.find((e) => e.type === 'data');
    if (start?.type !== 'start' || data?.type !== 'data') throw new Error('no start or data event');
    expect(data.dataset.train).toBe(start.info.dataset.train + 30);
    expect(data.dataset.val).toBe(start.info.dataset.val);
    expect(data.dataset.test).toBe(start.info.dataset.test);
    expect(data.appended).toMatchObject([{ name: 'more.csv', added: 30, version: 1 }]);
    // The data event comes between trial 1's record and trial 2's start.
    const order = events.flatMap((e) =>
      e.type === 'data' ? ['data'] : e.type === 'trial-start' ? [`start ${e.index}`] : e.type === 'trial' ? [`trial ${e.trial.index}`] : [],
    );
    expect(order.slice(0, 4)).toEqual(['start 0', 'trial 0', 'data', 'start 1']);
    expect(result.trials[0]!.data).toBeUndefined();
    expect(result.trials.slice(1).map((t) => t.data)).toEqual([
      { version: 1, train: data.dataset.train },
      { version: 1, train: data.dataset.train },
    ]);
  });

  it('starts with the files appended before a reload (resuming), and refuses a wrong one before it reaches the search', async () => {
    const arrivals = new DataArrivals([{ name: 'more.csv', bytes: MORE }]);
    const events: EngineEvent[] = [];
    const result = await runSearch({ ...experiment, budget: 1 }, { readAsset: readPublicAsset, backend: 'wasm', userFile, arrivals }, (e) => events.push(e));
    expect(result.trials[0]!.data).toMatchObject({ version: 1 });
    // Said again after the start, so a reloaded page shows the line and the note beside the digest.
    expect(events.find((e) => e.type === 'data')).toMatchObject({ appended: [{ name: 'more.csv', added: 30 }] });
    const report = await checkAppended(experiment, readPublicAsset, userFile, [{ name: 'more.csv', bytes: MORE }]);
    expect(report).toMatchObject({ added: 30, version: 1 });
    await expect(checkAppended(experiment, readPublicAsset, userFile, [{ name: 'bad.csv', bytes: bytes('a,c,kind\n1,2,x\n') }])).rejects.toThrow(/lacks "b"/);
  });

  it('is offered only where every trial trains on the examples', () => {
    expect(appendRefusal(experiment)).toBeNull();
    expect(appendRefusal({ ...experiment, dataset: 'iris' })).toMatch(/your own file/);
    expect(appendRefusal({ ...experiment, strategy: 'darts' })).toMatch(/supernet/);
  });
});
