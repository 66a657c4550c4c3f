import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/core/digest';
import { isPlaygroundError } from '../../src/core/errors';
import { EVALUATOR_IDS } from '../../src/core/evaluator/index';
import { METHOD_IDS } from '../../src/core/methods';
import { problemsOf } from '../../src/core/rules';
import { ExperimentSchema, type Experiment } from '../../src/core/schema';
import { SPACE_IDS } from '../../src/core/space/index';
import { readPublicAsset } from '../../src/data/node-assets';
import { runSearch } from '../../src/engine/search';
import { on } from '../nn/helpers';

/**
 * Every data set kind × space × strategy × evaluator, through the one rule and through the engine:
 * what the rule lets run starts and finishes a trial, and what it refuses the engine refuses too,
 * with the same words, before loading anything.
 */
const csv = new TextEncoder().encode(
  `x,y,z,kind\n${Array.from({ length: 60 }, (_, i) => `${(i % 3) + Math.sin(i)},${i % 5},${Math.cos(i)},${['a', 'b', 'c'][i % 3]}`).join('\n')}\n`,
);
const userFile = { name: 'mine.csv', bytes: csv };

const KINDS = {
  images: { dataset: 'digits' },
  'shipped table': { dataset: 'iris' },
  points: { dataset: 'spiral' },
  'own CSV': { dataset: 'own', data: { file: { name: 'mine.csv', hash: contentHash(csv), label: 'kind' } } },
  benchmark: { dataset: 'cifar10' },
} as const;

/** As small as each part allows: one trial of one epoch on a few examples. */
const SMALL = {
  budget: 1,
  training: { epochs: 1 },
  spaceSettings: {
    cell: { channels: 4 },
    nb201: { channels: 4 },
    chain: { depth: 3 },
    resolution: { layers: 3, channels: 4 },
    hierarchical: { channels: 4, cells: 1 },
  },
  strategySettings: { oneShot: { epochs: 1 } },
};

function experiment(kind: keyof typeof KINDS, space: string, strategy: string, evaluator: string): Experiment {
  const base = KINDS[kind] as { dataset: string; data?: object };
  return v.parse(ExperimentSchema, { ...SMALL, ...base, data: { maxExamples: 60, ...base.data }, space, strategy, evaluator });
}

const all = Object.keys(KINDS).flatMap((kind) =>
  SPACE_IDS.flatMap((space) =>
    METHOD_IDS.flatMap((strategy) => EVALUATOR_IDS.map((evaluator) => [kind as keyof typeof KINDS, space, strategy, evaluator] as const)),
  ),
);
const runnable = all.filter((c) => problemsOf(experiment(...c)).length === 0);
const refused = all.filter((c) => problemsOf(experiment(...c)).length > 0);
const deps = { readAsset: readPublicAsset, userFile };

describe('every combination, through the rule and the engine', () => {
  beforeAll(() => on('wasm'));

  it('covers every kind, space, strategy and evaluator, and lets a table train only an MLP chain', () => {
    console.log(`combinations: ${all.length} checked, ${runnable.length} runnable, ${refused.length} refused`);
    expect(all).toHaveLength(5 * SPACE_IDS.length * METHOD_IDS.length * EVALUATOR_IDS.length);
    for (const kind of ['shipped table', 'points', 'own CSV'] as const) {
      expect(new Set(runnable.filter((c) => c[0] === kind).map((c) => c[1]))).toEqual(new Set(['chain']));
    }
    expect(new Set(runnable.filter((c) => c[0] === 'images').map((c) => c[1]))).toEqual(new Set(SPACE_IDS));
  });

  it('refuses in the engine exactly what the rule refuses, with the same message', async () => {
    for (const c of refused) {
      const x = experiment(...c);
      const expected = problemsOf(x)[0]!;
      const error = await runSearch(x, { ...deps, backend: 'wasm' }, () => undefined).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isPlaygroundError(error) ? error.message : error, c.join(' × ')).toBe(expected.message);
    }
  });

  it.each(runnable)('%s × %s × %s × %s starts and finishes', async (...c) => {
    const x = experiment(...c);
    const events: string[] = [];
    const result = await runSearch(x, { ...deps, backend: x.evaluator === 'nb201' ? 'table' : 'wasm' }, (e) => events.push(e.type));
    expect(result.stopped).toBe(false);
    expect(result.trials.length).toBeGreaterThanOrEqual(1);
    expect(events[0]).toBe('start');
    expect(events.at(-1)).toBe('done');
  });
});
