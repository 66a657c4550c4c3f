import { describe, expect, it } from 'vitest';
import type { Remote } from 'comlink';
import type { RunEvent } from '../../src/contracts/events';
import type { DataWorkerApi, EventSink, SearchWorkerApi } from '../../src/contracts/worker-api';
import { SearchSession } from '../../src/state/session.svelte';

/** Workers that answer every call with nothing, except a search worker's start, which hands the test the run's sink. */
function workers(onStart: (sink: EventSink, runId: number) => void) {
  const idle = new Proxy({}, { get: () => async () => undefined });
  const search = new Proxy(
    {},
    {
      get: (_, name) =>
        name === 'start'
          ? async (runId: number, _experiment: unknown, sink: EventSink) => onStart(sink, runId)
          : name === 'prepare'
            ? async () => ({ chosen: 'cpu', tried: [] })
            : async () => undefined,
    },
  );
  return [search as Remote<SearchWorkerApi>, idle as Remote<DataWorkerApi>] as const;
}

describe('the sink a run reports to', () => {
  it('applies the events and returns nothing: comlink sends what it returns back to the worker, which would clone the whole run every batch', async () => {
    let returned: unknown = 'not called';
    const [search, data] = workers((sink, runId) => {
      const events = [{ type: 'log', message: 'hello' }] as unknown as RunEvent[];
      returned = sink(runId, events);
    });
    const session = new SearchSession(search, data);
    await session.start();
    expect(returned).toBeUndefined();
    expect(session.notice).toBe('hello');
  });
});
