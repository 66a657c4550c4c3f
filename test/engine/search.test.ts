import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../src/core/errors';
import { parseExperiment, type ExperimentInput } from '../../src/core/experiment';
import { readPublicAsset } from '../../src/data/node-assets';
import { SearchControl } from '../../src/engine/control';
import type { EngineEvent } from '../../src/contracts/events';
import { runSearch } from '../../src/engine/search';
import { on, tf } from '../nn/helpers';

async function search(input: ExperimentInput, control?: SearchControl, events: EngineEvent[] = []) {
  await on('wasm');
  const x = parseExperiment(input);
  return runSearch(x, { readAsset: readPublicAsset, backend: 'wasm', control }, (e) => events.push(e));
}

const SMALL = {
  dataset: 'digits',
  data: { maxExamples: 300 },
  training: { epochs: 1 },
  strategySettings: { evolution: { population: 3, sample: 2 } },
} as const;

describe('search engine', () => {
  it('runs the same trials twice from the same experiment', async () => {
    const a = await search({ ...SMALL, budget: 6, seed: 4 });
    const b = await search({ ...SMALL, budget: 6, seed: 4 });
    expect(a.trials.map((t) => [t.encoded, t.accuracy, t.origin])).toEqual(b.trials.map((t) => [t.encoded, t.accuracy, t.origin]));
    expect(a.digest).toEqual(b.digest);
    expect(a.trials.some((t) => t.origin.startsWith('mutation'))).toBe(true);
    const c = await search({ ...SMALL, budget: 6, seed: 5 });
    expect(c.trials.map((t) => t.encoded)).not.toEqual(a.trials.map((t) => t.encoded));
  });

  it('keeps the tensor count flat: after 10 trials it equals the count after 1', async () => {
    await on('wasm');
    const base = { ...SMALL, space: 'nb201', dataset: 'shapes', data: { maxExamples: 80 } } as const;
    await search({ ...base, budget: 1 });
    const afterOne = tf.memory().numTensors;
    await search({ ...base, budget: 10 });
    expect(tf.memory().numTensors).toBe(afterOne);
  });

  it('learns: the best of a few trials on the spiral beats chance by a wide margin', async () => {
    const result = await search({ dataset: 'spiral', budget: 4, training: { epochs: 12, learningRate: 0.02 }, spaceSettings: { chain: { widths: [16, 32] } } });
    expect(result.best!.accuracy).toBeGreaterThan(0.6); // chance is 1/3
    expect(result.best!.curve).toHaveLength(12);
  });

  it('emits a typed event stream: start, then per trial start, epochs, result, then done', async () => {
    const events: EngineEvent[] = [];
    await search({ ...SMALL, budget: 2, training: { epochs: 2 } }, undefined, events);
    expect(events.map((e) => e.type)).toEqual(['start', 'trial-start', 'epoch', 'epoch', 'trial', 'trial-start', 'epoch', 'epoch', 'trial', 'done']);
  });

  it('stops at the next step and reports what it has', async () => {
    const control = new SearchControl();
    const events: EngineEvent[] = [];
    const pending = search({ ...SMALL, budget: 50 }, control, events);
    while (!events.some((e) => e.type === 'trial')) await new Promise((r) => setTimeout(r, 5));
    control.stop();
    const result = await pending;
    expect(result.stopped).toBe(true);
    expect(result.trials.length).toBeGreaterThan(0);
    expect(result.trials.length).toBeLessThan(50);
    expect(events.at(-1)).toMatchObject({ type: 'done', stopped: true });
  });

  it('pauses between steps and resumes where it was', async () => {
    const control = new SearchControl();
    const events: EngineEvent[] = [];
    const pending = search({ ...SMALL, budget: 3, seed: 8 }, control, events);
    while (!events.some((e) => e.type === 'trial')) await new Promise((r) => setTimeout(r, 5));
    control.pause();
    await new Promise((r) => setTimeout(r, 150));
    const countWhilePaused = events.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(events.length).toBe(countWhilePaused);
    expect(events.some((e) => e.type === 'done')).toBe(false);
    control.resume();
    const result = await pending;
    const reference = await search({ ...SMALL, budget: 3, seed: 8 });
    expect(result.trials.map((t) => [t.encoded, t.accuracy])).toEqual(reference.trials.map((t) => [t.encoded, t.accuracy]));
  });

  it('refuses a space that cannot run on the data, with a message that says what to do', async () => {
    await expect(search({ dataset: 'spiral', space: 'nb201', budget: 1 })).rejects.toThrow(PlaygroundError);
    await expect(search({ dataset: 'spiral', space: 'nb201', budget: 1 })).rejects.toMatchObject({
      message: expect.stringMatching(/NAS-Bench-201 cell space cannot run on Spiral/),
      hint: expect.stringMatching(/Choose the chain space .* or an image dataset/),
    });
  });
});

describe('search on the NAS-Bench-201 table', () => {
  it('runs hundreds of lookups, rewards with 12-epoch validation and reports 200-epoch test accuracy', async () => {
    const events: EngineEvent[] = [];
    const result = await search({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar100', strategy: 'tpe', budget: 300, seed: 2 }, undefined, events);
    expect(result.trials).toHaveLength(300);
    expect(result.digest!.backend).toBe('table');
    expect(events[0]).toMatchObject({ type: 'start', info: { backend: 'table', evaluator: 'nb201' } });
    const best = result.best!;
    expect(best.reported!.label).toBe('200-epoch test');
    expect(best.accuracy).toBe(Math.max(...result.trials.map((t) => t.accuracy)));
    // The benchmark network: 16 channels, 5 cells per stage, 100 classes.
    expect(best.params).toBeGreaterThan(50_000);
  });
});

describe('multi-objective search', () => {
  it('measures latency on this device and rewards with the MnasNet formula', async () => {
    const objective = { kind: 'mnas', cost: 'params', target: 2000, weight: -0.07, hard: true } as const;
    const result = await search({ ...SMALL, budget: 5, objective });
    for (const t of result.trials) {
      expect(t.latencyMs).toBeGreaterThan(0);
      expect(t.reward).toBeCloseTo(t.params <= 2000 ? t.accuracy : t.accuracy * (t.params / 2000) ** -1, 10);
    }
    expect(result.best!.reward).toBe(Math.max(...result.trials.map((t) => t.reward)));
  });

  it('refuses latency as the cost of a table lookup, which runs no model', async () => {
    await expect(search({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', objective: { kind: 'mnas', cost: 'latency' } })).rejects.toThrow(
      /no latency/,
    );
  });
});

describe('hyperparameter optimisation', () => {
  it('Hyperband trains at 1, 3 and 9 epochs and searches hyperparameters with the architecture', async () => {
    const result = await search({
      dataset: 'spiral',
      data: { maxExamples: 90 },
      strategy: 'hyperband',
      hpo: { enabled: true },
      budget: 14,
      training: { epochs: 9 },
    });
    expect(result.trials.map((t) => t.epochs)).toEqual([...Array(9).fill(1), 3, 3, 3, 9, 3]);
    expect(result.trials.map((t) => t.curve.length)).toEqual(result.trials.map((t) => t.epochs));
    const rates = new Set(result.trials.map((t) => (t.genotype as { hp: { learningRate: number } }).hp.learningRate));
    expect(rates.size).toBeGreaterThan(1);
    expect(result.trials[0]!.encoded).toMatch(/ @ lr=[\d.]+,bs=\d+,wd=[\d.]+$/);
    // The promoted candidates are among the best of the first rung.
    const firstRung = result.trials.slice(0, 9).map((t) => t.encoded);
    for (const t of result.trials.slice(9, 12)) expect(firstRung).toContain(t.encoded);
  });

  it('refuses Hyperband and HPO on the table, saying why', async () => {
    await expect(search({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', strategy: 'bohb' })).rejects.toThrow(/one training length/);
    await expect(search({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', hpo: { enabled: true } })).rejects.toThrow(
      /one set of training hyperparameters/,
    );
  });
});

describe('early stopping', () => {
  it('ends trials below the median of earlier ones at the same epoch, and says so', async () => {
    const result = await search({ ...SMALL, strategy: 'random', budget: 10, training: { epochs: 4, earlyStopping: true } });
    const stopped = result.trials.filter((t) => t.stoppedEarly);
    expect(stopped.length).toBeGreaterThan(0);
    expect(result.trials.slice(0, 3).every((t) => !t.stoppedEarly)).toBe(true); // the rule needs three earlier trials
    for (const t of stopped) {
      expect(t.epochs).toBeLessThan(4);
      expect(t.curve).toHaveLength(t.epochs!);
      const e = t.epochs!;
      const earlier = result.trials
        .slice(0, t.index)
        .filter((u) => u.curve.length >= e)
        .map((u) => u.curve[e - 1]!.valAccuracy)
        .sort((a, b) => a - b);
      const mid = earlier.length / 2;
      const median = earlier.length % 2 ? earlier[Math.floor(mid)]! : (earlier[mid - 1]! + earlier[mid]!) / 2;
      expect(t.curve[e - 1]!.valAccuracy).toBeLessThan(median);
    }
  });
});

describe('surrogate evaluation', () => {
  it('trains the warm-up and one in N after it, and predicts the rest', async () => {
    const result = await search({ ...SMALL, strategy: 'random', budget: 14, surrogate: { enabled: true, warmup: 6, trainEvery: 4 } });
    const predicted = result.trials.map((t) => Boolean(t.predicted));
    // Trials 1–6 trained; then every fourth (10, 14) trained, the others predicted.
    expect(predicted).toEqual([false, false, false, false, false, false, true, true, true, false, true, true, true, false]);
    for (const t of result.trials.filter((u) => u.predicted)) {
      expect(t.accuracy).toBeGreaterThanOrEqual(0);
      expect(t.accuracy).toBeLessThanOrEqual(1);
      expect(t.curve).toEqual([]);
      expect(t.params).toBeGreaterThan(0);
    }
  });
});

describe('resuming an interrupted search', () => {
  it('keeps the finished trials and continues exactly as an uninterrupted run would', async () => {
    const { SearchInterrupted } = await import('../../src/engine/search');
    const { createEvaluator } = await import('../../src/engine/evaluate/index');
    const { experimentSpace } = await import('../../src/core/experiment');
    await on('wasm');
    const x = parseExperiment({ ...SMALL, budget: 7, seed: 13, training: { epochs: 2, earlyStopping: true } });
    const reference = await runSearch(x, { readAsset: readPublicAsset, backend: 'wasm' }, () => {});

    // The same search, with the "GPU" failing during trial 5.
    const setup = await createEvaluator(x, experimentSpace(x), readPublicAsset);
    const inner = setup.evaluator;
    const failing = {
      ...setup,
      evaluator: {
        kind: inner.kind,
        replay: inner.replay?.bind(inner),
        evaluate: (g: unknown, i: number, h?: object, f?: number) => (i === 4 ? Promise.reject(new Error('GPU device was lost')) : inner.evaluate(g, i, h, f)),
      },
    };
    let interrupted: InstanceType<typeof SearchInterrupted> | null = null;
    try {
      await runSearch(x, { readAsset: readPublicAsset, backend: 'webgpu', setup: failing }, () => {});
    } catch (e) {
      interrupted = e as InstanceType<typeof SearchInterrupted>;
    }
    expect(interrupted).toBeInstanceOf(SearchInterrupted);
    expect(interrupted!.trials).toHaveLength(4);
    expect(interrupted!.message).toMatch(/GPU device was lost/);

    const events: EngineEvent[] = [];
    const resumed = await runSearch(x, { readAsset: readPublicAsset, backend: 'wasm', resumeFrom: interrupted!.trials }, (e) => events.push(e));
    expect(resumed.trials.map((t) => [t.encoded, t.accuracy, t.stoppedEarly])).toEqual(reference.trials.map((t) => [t.encoded, t.accuracy, t.stoppedEarly]));
    // Only the trials after the failure were run (and announced) again.
    expect(events.filter((e) => e.type === 'trial')).toHaveLength(3);
  });
});

describe('search on a real table', () => {
  it('finds an MLP that classifies iris well, and refuses image spaces with a clear message', async () => {
    const result = await search({
      dataset: 'iris',
      strategy: 'random',
      budget: 4,
      training: { epochs: 20, learningRate: 0.02, batchSize: 16 },
      spaceSettings: { chain: { widths: [16, 32] } },
    });
    expect(result.best!.accuracy).toBeGreaterThan(0.8); // chance is 1/3
    await expect(search({ dataset: 'iris', space: 'cell', budget: 1 })).rejects.toMatchObject({ hint: expect.stringMatching(/chain space/) });
  });
});
