import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { readPublicAsset } from '../../src/data/node-assets';
import { fastest, raceBackends, raceKey } from '../../src/engine/backend-race';
import { useNodeBackend } from '../../src/nn/backend-node';
import * as tf from '@tensorflow/tfjs';

const experiment = parseExperiment({ dataset: 'spiral', data: { maxExamples: 200 }, space: 'chain', training: { batchSize: 16, epochs: 1 }, seed: 3 });

describe('choosing the backend by timing the experiment’s own network', () => {
  it('times every backend that starts, disposes what it built, and says why one was not timed', async () => {
    await useNodeBackend('cpu');
    const before = tf.memory().numTensors;
    const started: string[] = [];
    const rows = await raceBackends(
      experiment,
      ['wasm', 'webgl', 'cpu'],
      async (name) => {
        if (name === 'webgl') return false;
        started.push(name);
        await useNodeBackend(name as 'wasm' | 'cpu');
        return true;
      },
      { readAsset: readPublicAsset },
    );
    expect(started).toEqual(['wasm', 'cpu']);
    expect(rows.map((r) => r.name)).toEqual(['wasm', 'webgl', 'cpu']);
    expect(rows[1]).toMatchObject({ msPerStep: null, note: 'failed to start' });
    for (const r of [rows[0]!, rows[2]!]) expect(r.msPerStep).toBeGreaterThan(0);
    // The race leaves nothing behind on the backend it ended on.
    expect(tf.memory().numTensors).toBe(before);
    const timed = rows.filter((r) => r.msPerStep !== null);
    expect(fastest(rows)!.msPerStep).toBe(Math.min(...timed.map((r) => r.msPerStep!)));
  }, 60_000);

  it('picks nothing when nothing was timed, and keys timings by what they depend on (not the strategy)', () => {
    expect(fastest([{ name: 'cpu', msPerStep: null, note: 'x' }])).toBeNull();
    const other = parseExperiment({ ...experiment, strategy: 'random' });
    expect(raceKey(other)).toBe(raceKey(experiment));
    expect(raceKey(parseExperiment({ ...experiment, training: { ...experiment.training, batchSize: 64 } }))).not.toBe(raceKey(experiment));
  });

  it('races an image set on random examples of its shape (nothing downloaded), and does not race data that is slow to prepare', async () => {
    const refuse = () => Promise.reject(new Error('the race must not read or download data'));
    const use = async (name: 'wasm' | 'cpu') => {
      await useNodeBackend(name);
      return true;
    };
    const mnist = parseExperiment({ dataset: 'mnist', space: 'chain', training: { batchSize: 8, epochs: 1 } });
    const rows = await raceBackends(mnist, ['wasm'], (n) => use(n as 'wasm'), {
      readAsset: refuse,
      net: { fetch: refuse, cache: { get: refuse, put: refuse } } as never,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.msPerStep).toBeGreaterThan(0);
    const engineered = parseExperiment({ dataset: 'breast_cancer', data: { features: { construct: 'polynomial' } } });
    expect(await raceBackends(engineered, ['wasm', 'cpu'], (n) => use(n as 'wasm'), { readAsset: refuse })).toEqual([]);
  }, 60_000);
});
