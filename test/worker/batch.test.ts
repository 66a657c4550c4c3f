import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/contracts/events';
import { createEventBatcher, MAX_EVENTS_PER_MESSAGE } from '../../src/worker/batch';

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

  it('splits a burst (a thousand table lookups in one interval) into messages of bounded size, in order, the lifecycle event last', () => {
    const batches: RunEvent[][] = [];
    const batcher = createEventBatcher((events) => batches.push(events), 10_000);
    const burst = 5 * MAX_EVENTS_PER_MESSAGE + 3;
    for (let i = 0; i < burst; i++) batcher.push(log(String(i)));
    batcher.push({ type: 'done', stopped: false, digest: null });
    expect(batches).toHaveLength(6);
    expect(Math.max(...batches.map((b) => b.length))).toBe(MAX_EVENTS_PER_MESSAGE);
    const all = batches.flat();
    expect(all.map((e) => (e.type === 'log' ? e.message : e.type))).toEqual([...Array.from({ length: burst }, (_, i) => String(i)), 'done']);
  });
});
