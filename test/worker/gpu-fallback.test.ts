import { describe, expect, it } from 'vitest';
import type { BackendReport } from '../../src/contracts/backend';
import type { RunEvent, TrialRecord } from '../../src/contracts/events';
import { PlaygroundError } from '../../src/core/errors';
import { SearchInterrupted } from '../../src/engine/search';
import { searchWithGpuFallback, type ResumePoint } from '../../src/worker/gpu-fallback';

const trial = (index: number): TrialRecord => ({
  index,
  encoded: `g${index}`,
  genotype: {},
  origin: 'random',
  reward: 0.5,
  graph: { nodes: [], edges: [] },
  accuracy: 0.5,
  curve: [],
  params: 1,
  flops: 1,
  seconds: 0,
});

/** A search that fails on the GPU with `failure` after two trials, and finishes elsewhere; records where each attempt ran and started. */
function flakyGpuSearch(failure: unknown) {
  const attempts: Array<{ backend: string; from: ResumePoint }> = [];
  const search = async (backend: string, from: ResumePoint) => {
    attempts.push({ backend, from });
    if (backend === 'webgpu') throw new SearchInterrupted(failure, [trial(0), trial(1)]);
  };
  return { attempts, search };
}

const wasmFallback = async (reason: string): Promise<BackendReport> => ({ found: [], chosen: 'wasm', preference: 'wasm', reason, fallback: true });

describe('a GPU lost mid-search', () => {
  it('moves the search to WASM from the finished trials, and says so with a typed backend event', async () => {
    const { attempts, search } = flakyGpuSearch(new Error('device lost'));
    const events: RunEvent[] = [];
    await searchWithGpuFallback('webgpu', {}, search, wasmFallback, (e) => events.push(e));
    expect(attempts.map((a) => a.backend)).toEqual(['webgpu', 'wasm']);
    expect(attempts[1]!.from.trials?.map((t) => t.index)).toEqual([0, 1]);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.type).toBe('backend');
    if (event?.type !== 'backend') return;
    expect(event.report.chosen).toBe('wasm');
    expect(event.report.reason).toBe('WEBGPU failed during the search (device lost); continuing on WASM from trial 3');
    expect(event.reason).toBe('WEBGPU failed: device lost. The search continues on WASM from trial 3; the 2 finished trials are kept.');
  });

  it('leaves a refusal (a PlaygroundError) and any failure off the GPU to the caller', async () => {
    const refused = flakyGpuSearch(new PlaygroundError('incompatible-data', 'No.', 'Change it.'));
    await expect(searchWithGpuFallback('webgpu', {}, refused.search, wasmFallback, () => undefined)).rejects.toBeInstanceOf(SearchInterrupted);
    expect(refused.attempts).toHaveLength(1);
    const onWasm = async () => {
      throw new SearchInterrupted(new Error('out of memory'), []);
    };
    await expect(searchWithGpuFallback('wasm', {}, onWasm, wasmFallback, () => undefined)).rejects.toThrow('out of memory');
  });
});
