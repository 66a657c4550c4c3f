import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/contracts/events';
import { createEventBatcher } from '../../src/worker/batch';

const log = (message: string): RunEvent => ({ type: 'log', message });

describe('event batching between worker and page', () => {
  it('sends many progress events as one batch after the interval, in order', async () => {
    const batches: RunEvent[][] = [];
    const batcher = createEventBatcher((events) => batches.push(events), 20);
    for (let i = 0; i < 50; i++) batcher.push(log(String(i)));
    expect(batches).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 40));
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((e) => (e as { message: string }).message)).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
  });

  it('sends lifecycle events at once, with what was pending before them', () => {
    const batches: RunEvent[][] = [];
    const batcher = createEventBatcher((events) => batches.push(events), 10_000);
    batcher.push(log('a'));
    batcher.push({ type: 'done', stopped: false, digest: null });
    expect(batches.map((b) => b.map((e) => e.type))).toEqual([['log', 'done']]);
    batcher.flush();
    expect(batches).toHaveLength(1);
  });
});
