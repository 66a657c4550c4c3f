import { describe, expect, it } from 'vitest';
import type { EngineEvent, Evaluation } from '../../src/contracts/events';
import { parseExperiment } from '../../src/core/experiment';
import { readPublicAsset } from '../../src/data/node-assets';
import type { Evaluator } from '../../src/engine/evaluate/index';
import { runSearch } from '../../src/engine/search';
import { on } from '../nn/helpers';

/** An evaluator that only predicts (no test accuracy), and measures the test accuracy when asked, as the surrogate does. */
function predictingEvaluator(): Evaluator & { asked: number[] } {
  const asked: number[] = [];
  return {
    kind: 'fake',
    asked,
    async evaluate(_genotype, index): Promise<Evaluation> {
      return { accuracy: [0.3, 0.8, 0.5][index] ?? 0.1, predicted: { std: 0.01 }, curve: [], params: 1, flops: 1, seconds: 0 };
    },
    async measureTest(_genotype, index) {
      asked.push(index);
      return 0.42;
    },
  };
}

describe('the held-out test split', () => {
  it('measures the returned trial on test once the search ends when its evaluation did not (a prediction), and says so in done', async () => {
    const x = parseExperiment({ strategy: 'random', budget: 3 });
    const evaluator = predictingEvaluator();
    const events: EngineEvent[] = [];
    const info = { title: 'fake', train: 10, val: 5, test: 5, classes: 2 };
    const result = await runSearch(
      x,
      { readAsset: readPublicAsset, backend: 'cpu', setup: { evaluator, info, usesBackend: false, classNames: ['a', 'b'] } },
      (e) => events.push(e),
    );
    expect(result.best!.index).toBe(1);
    expect(evaluator.asked).toEqual([1]);
    expect(result.best!.testAccuracy).toBe(0.42);
    expect(result.trials[1]!.testAccuracy).toBe(0.42);
    expect(result.trials[0]!.testAccuracy).toBeUndefined();
    const done = events.find((e) => e.type === 'done');
    expect(done).toMatchObject({ type: 'done', best: 1, test: 0.42 });
    // The strategy was told validation only: the rewards are the predictions.
    expect(result.trials.map((t) => t.reward)).toEqual([0.3, 0.8, 0.5]);
  });

  it('measures nothing more without a test split', async () => {
    const evaluator = predictingEvaluator();
    const info = { title: 'fake', train: 10, val: 5, test: 0, classes: 2 };
    const result = await runSearch(
      parseExperiment({ strategy: 'random', budget: 3 }),
      { readAsset: readPublicAsset, backend: 'cpu', setup: { evaluator, info, usesBackend: false, classNames: ['a', 'b'] } },
      () => undefined,
    );
    expect(evaluator.asked).toEqual([]);
    expect(result.best!.testAccuracy).toBeUndefined();
  });

  it('trains on training examples, rewards validation, and reports every trained trial on test examples it never saw', async () => {
    await on('wasm');
    const events: EngineEvent[] = [];
    const x = parseExperiment({ dataset: 'spiral', budget: 2, training: { epochs: 2 }, data: { testFraction: 0.25 } });
    const result = await runSearch(x, { readAsset: readPublicAsset, backend: 'wasm' }, (e) => events.push(e));
    const start = events.find((e) => e.type === 'start');
    expect(start?.type === 'start' && start.info.dataset).toMatchObject({ train: 330, val: 120, test: 150 });
    for (const t of result.trials) {
      expect(t.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(t.testAccuracy).toBeLessThanOrEqual(1);
      expect(t.reward).toBe(t.accuracy);
    }
    const none = await runSearch({ ...x, data: { ...x.data, testFraction: 0 } }, { readAsset: readPublicAsset, backend: 'wasm' }, () => undefined);
    expect(none.trials.every((t) => t.testAccuracy === undefined)).toBe(true);
  });
});
