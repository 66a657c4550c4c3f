import { describe, expect, it } from 'vitest';
import { parseExperiment, type ExperimentInput } from '../../src/core/experiment';
import { reward } from '../../src/core/objective';
import { readPublicAsset } from '../../src/data/node-assets';
import { runSearch } from '../../src/engine/search';
import { on } from '../nn/helpers';

/** A latency target far below any real network's, so the MnasNet term always costs something. */
const LATENCY = { kind: 'mnas', cost: 'latency', target: 1e-4, weight: -0.07 } as const;

async function search(input: ExperimentInput) {
  await on('wasm');
  const x = parseExperiment(input);
  return { x, result: await runSearch(x, { readAsset: readPublicAsset, backend: 'wasm' }, () => undefined) };
}

describe('latency-aware goals count every trial', () => {
  it('times the trials the surrogate predicts, so the MnasNet reward penalises them as trained ones', async () => {
    const { x, result } = await search({
      dataset: 'digits',
      data: { maxExamples: 120 },
      training: { epochs: 1 },
      strategy: 'random',
      budget: 4,
      surrogate: { enabled: true, warmup: 2, trainEvery: 10 },
      objective: LATENCY,
    });
    const predicted = result.trials.filter((t) => t.predicted);
    expect(predicted).toHaveLength(2);
    for (const t of result.trials) {
      expect(t.latencyMs).toBeGreaterThan(0);
      expect(t.reward).toBeCloseTo(reward(x.objective, t), 12);
      expect(t.reward).toBeLessThan(t.accuracy + 1e-12);
    }
    // Before, a predicted trial was rewarded with its bare accuracy.
    expect(predicted.every((t) => t.accuracy === 0 || t.reward < t.accuracy)).toBe(true);
  });

  it('times the paths ranked with shared weights and the genotypes a supernet derives', async () => {
    const tiny = {
      dataset: 'digits',
      data: { maxExamples: 90 },
      space: 'nb201',
      spaceSettings: { nb201: { channels: 2 } },
      training: { batchSize: 32 },
    } as const;
    const ranked = await search({
      ...tiny,
      evaluator: 'supernet',
      strategy: 'random',
      budget: 3,
      strategySettings: { oneShot: { epochs: 1 } },
      objective: LATENCY,
    });
    const derived = await search({ ...tiny, strategy: 'darts', strategySettings: { oneShot: { epochs: 1 } }, objective: LATENCY });
    for (const { x, result } of [ranked, derived]) {
      expect(result.trials.length).toBeGreaterThan(0);
      for (const t of result.trials) {
        expect(t.latencyMs).toBeGreaterThan(0);
        expect(t.reward).toBeCloseTo(reward(x.objective, t), 12);
        expect(t.reward).toBeLessThan(t.accuracy + 1e-12);
      }
    }
  });
});
