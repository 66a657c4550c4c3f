import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { readPublicAsset } from '../../src/data/node-assets';
import { compareStrategies, returnedCurve } from '../../src/engine/compare';
import type { TrialRecord } from '../../src/contracts/events';

const trial = (reward: number, reported: number): TrialRecord =>
  ({
    index: 0,
    encoded: '',
    genotype: null,
    origin: '',
    accuracy: reward,
    reward,
    params: 0,
    flops: 0,
    seconds: 0,
    curve: [],
    graph: { nodes: [], edges: [] },
    reported: { label: 't', accuracy: reported },
  }) as TrialRecord;

describe('strategy comparison', () => {
  it('follows the trial a strategy would return: best by reward, scored by the reported figure', () => {
    const curve = returnedCurve([trial(0.5, 0.6), trial(0.7, 0.65), trial(0.6, 0.99), trial(0.8, 0.7)]);
    expect(curve).toEqual([0.6, 0.65, 0.65, 0.7]);
  });

  it('runs every strategy on the same seeds and averages their curves', async () => {
    const x = parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', budget: 60 });
    let calls = 0;
    const results = await compareStrategies(x, ['random', 'tpe'], [1, 2, 3], { readAsset: readPublicAsset, backend: 'none' }, () => calls++);
    expect(calls).toBe(6);
    expect(results.map((r) => r.strategy)).toEqual(['random', 'tpe']);
    for (const r of results) {
      expect(r.curves).toHaveLength(3);
      expect(r.mean).toHaveLength(60);
      // Each point is the mean of the seeds' curves at that trial.
      r.mean.forEach((m, i) => {
        const column = r.curves.map((c) => c[i]!);
        expect(m).toBeCloseTo(column.reduce((a, b) => a + b, 0) / 3, 10);
        expect(r.std[i]).toBeGreaterThanOrEqual(0);
      });
    }
    // Seeds are shared: random search with seed 1 gives the same curve as a lone run with seed 1.
    const again = await compareStrategies(x, ['random'], [1], { readAsset: readPublicAsset, backend: 'none' }, () => {});
    expect(again[0]!.curves[0]).toEqual(results[0]!.curves[0]);
  });
});
