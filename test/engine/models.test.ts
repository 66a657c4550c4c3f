import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseExperiment, type ExperimentInput } from '../../src/core/experiment';
import { readPublicAsset } from '../../src/data/node-assets';
import { prepareData } from '../../src/data/load';
import { ModelStore } from '../../src/engine/models';
import { runSearch } from '../../src/engine/search';
import { Predictor } from '../../src/nn/predictor';
import { on } from '../nn/helpers';

/** Validation accuracy of a kept model, rebuilt from its layer graph and weights. */
async function accuracyOf(x: ReturnType<typeof parseExperiment>, store: ModelStore, index?: number): Promise<number> {
  const data = await prepareData(x, readPublicAsset);
  const model = index === undefined ? store.best! : store.get(index)!;
  const predictor = new Predictor(model);
  try {
    const p = await predictor.probabilities(data.val.x);
    let hits = 0;
    for (let i = 0; i < data.val.n; i++) {
      const row = p.subarray(i * data.classes, (i + 1) * data.classes);
      if (row.indexOf(Math.max(...row)) === data.val.y[i]) hits++;
    }
    return hits / data.val.n;
  } finally {
    predictor.dispose();
  }
}

async function search(
  input: ExperimentInput,
): Promise<{ x: ReturnType<typeof parseExperiment>; store: ModelStore; result: Awaited<ReturnType<typeof runSearch>> }> {
  await on('wasm');
  const x = parseExperiment(input);
  const store = new ModelStore(3);
  const result = await runSearch(x, { readAsset: readPublicAsset, backend: 'wasm', models: store }, () => undefined);
  return { x, store, result };
}

describe('trained weights kept by a search', () => {
  it('keeps the best trial’s weights and the last few, and they give the accuracy the trial table shows', async () => {
    const { x, store, result } = await search({ dataset: 'digits', space: 'chain', strategy: 'random', budget: 5, training: { epochs: 1 }, seed: 3 });
    expect(store.best!.about.trial).toBe(result.best!.index);
    expect(store.best!.about.encoded).toBe(result.best!.encoded);
    expect(await accuracyOf(x, store)).toBeCloseTo(result.best!.accuracy, 6);
    expect(store.indices()).toEqual([...new Set([2, 3, 4, result.best!.index])].sort((a, b) => a - b));
    expect(await accuracyOf(x, store, 4)).toBeCloseTo(result.trials[4]!.accuracy, 6);
  }, 120_000);

  it('keeps the tensor count flat over many trials', async () => {
    await on('wasm');
    const x = parseExperiment({
      dataset: 'digits',
      space: 'nb201',
      strategy: 'random',
      budget: 3,
      training: { epochs: 1 },
      data: { maxExamples: 300 },
      seed: 4,
    });
    const store = new ModelStore(2);
    await runSearch(x, { readAsset: readPublicAsset, backend: 'wasm', models: store }, () => undefined);
    const before = tf.memory().numTensors;
    await runSearch({ ...x, budget: 8 }, { readAsset: readPublicAsset, backend: 'wasm', models: store }, () => undefined);
    expect(tf.memory().numTensors).toBe(before);
    const predictor = new Predictor(store.best!);
    predictor.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 240_000);

  it('keeps a one-shot method’s derived network with its inherited weights, and the retrained one', async () => {
    const oneShot = {
      dataset: 'digits',
      space: 'nb201',
      strategy: 'darts',
      spaceSettings: { nb201: { channels: 4 } },
      data: { maxExamples: 300 },
      seed: 5,
    } as const;
    const inherited = await search({ ...oneShot, strategySettings: { oneShot: { epochs: 2 } } });
    const derived = inherited.result.best!;
    expect(inherited.store.best!.about.trial).toBe(derived.index);
    expect(await accuracyOf(inherited.x, inherited.store)).toBeCloseTo(derived.accuracy, 6);
    const retrained = await search({ ...oneShot, strategySettings: { oneShot: { epochs: 1, retrain: true } } });
    expect(retrained.store.best!.about.origin).toBe('derived, trained from scratch');
    expect(await accuracyOf(retrained.x, retrained.store)).toBeCloseTo(retrained.result.best!.accuracy, 6);
  }, 240_000);
});
