import { describe, expect, it } from 'vitest';
import type { SupernetInfo, TrialRecord } from '../../src/contracts/events';
import { parseExperiment } from '../../src/core/experiment';
import { statusText, type StatusInput } from '../../src/state/status-text';

const trial = (index: number, accuracy: number, reported?: number): TrialRecord =>
  ({ index, accuracy, reward: accuracy, ...(reported ? { reported: { label: 'test', accuracy: reported } } : {}) }) as TrialRecord;

const base = (over: Partial<StatusInput> = {}): StatusInput => ({
  status: 'idle',
  trials: [],
  info: null,
  current: null,
  supernet: null,
  best: null,
  experiment: parseExperiment({}),
  compare: { running: false, progress: null },
  ...over,
});

describe('the header’s status', () => {
  it('is ready at rest, and follows a search trial by trial and epoch by epoch', () => {
    expect(statusText(base())).toEqual({ text: 'Ready', progress: null });
    const x = parseExperiment({ budget: 4, training: { epochs: 3 } });
    const current = { index: 1, encoded: 'g', origin: 'random', graph: { nodes: [], edges: [] }, epochs: [{ epoch: 1, loss: 1, valAccuracy: 0.5 }] };
    expect(statusText(base({ status: 'running', experiment: x, trials: [trial(0, 0.5)], current }))).toEqual({
      text: 'Trial 2 of 4, epoch 2 of 3',
      progress: 0.25,
    });
    const t = [trial(0, 0.5), trial(1, 0.75)];
    expect(statusText(base({ status: 'done', experiment: x, trials: t, best: t[1]! })).text).toBe('Done: 2 trials · best 75.0%');
  });

  it('reflects a comparison, table lookups and a supernet', () => {
    const progress = { done: 3, total: 12, strategy: 'random' as const, seed: 1 };
    expect(statusText(base({ compare: { running: true, progress } }))).toEqual({ text: 'Comparing strategies: 3 of 12 searches done', progress: 0.25 });
    const lookup = parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', budget: 100 });
    expect(statusText(base({ status: 'running', experiment: lookup, trials: [trial(0, 0.9)] })).text).toBe('Looking up cells in NAS-Bench-201: 1 of 100');
    const best = trial(0, 0.9, 0.9412);
    expect(statusText(base({ status: 'done', experiment: lookup, trials: [best], best })).text).toBe(
      'Done: 1 trial (table lookups) · returned cell 94.12% test accuracy',
    );
    const darts = parseExperiment({ space: 'nb201', strategy: 'darts' });
    const supernet = { epoch: 1, epochs: 4, stage: 0, stages: 1 } as SupernetInfo;
    expect(statusText(base({ status: 'running', experiment: darts, supernet })).text).toBe('Training the supernet: epoch 2 of 4');
    const done = { ...supernet, epoch: 4 };
    const returned = trial(3, 0.8);
    expect(statusText(base({ status: 'done', experiment: darts, supernet: done, trials: [trial(0, 0.5), returned], best: returned })).text).toBe(
      'Done: DARTS trained the supernet for 4 epochs · returned cell 80.0%',
    );
  });

  it('counts a path-ranking supernet search by its epochs and paths, not its records', () => {
    const spos = parseExperiment({ space: 'nb201', strategy: 'spos', budget: 12 });
    const supernet = { epoch: 4, epochs: 4, stage: 0, stages: 1 } as SupernetInfo;
    const trials = Array.from({ length: 16 }, (_, i) => trial(i, 0.5 + i / 100));
    expect(statusText(base({ status: 'done', experiment: spos, supernet, trials, best: trials[15]! })).text).toBe(
      'Done: supernet trained for 4 epochs, 12 paths ranked with its weights · best 65.0%',
    );
  });
});
