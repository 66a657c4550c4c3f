import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { importTrialLines } from '../../src/results/trial-lines';
import { experimentSpace, parseExperiment, type Experiment } from '../../src/core/experiment';
import { prepareData } from '../../src/data/load';
import { readPublicAsset } from '../../src/data/node-assets';
import { ModelStore } from '../../src/engine/models';
import { runSearch } from '../../src/engine/search';
import { clusterDecisions, toNni, toRay, type ClusterInput } from '../../src/export/cluster/index';
import { on } from '../nn/helpers';
import { requireTorch, runPython } from './python';

/**
 * NNI's documented search-space format (SearchSpaceSpec): each variable is {"_type", "_value"};
 * choice takes a list of numbers or of strings, randint [lower, upper), the continuous types their
 * bounds or mean and sigma, the q-types a quantum after them.
 */
const number = v.number();
const NNI_VARIABLE = v.variant('_type', [
  v.strictObject({ _type: v.literal('choice'), _value: v.union([v.pipe(v.array(v.string()), v.minLength(1)), v.pipe(v.array(number), v.minLength(1))]) }),
  v.strictObject({
    _type: v.literal('randint'),
    _value: v.pipe(
      v.tuple([v.pipe(number, v.integer()), v.pipe(number, v.integer())]),
      v.check(([a, b]) => a < b),
    ),
  }),
  v.strictObject({
    _type: v.picklist(['uniform', 'loguniform']),
    _value: v.pipe(
      v.tuple([number, number]),
      v.check(([a, b]) => a < b),
    ),
  }),
  v.strictObject({
    _type: v.picklist(['quniform', 'qloguniform']),
    _value: v.pipe(
      v.tuple([number, number, number]),
      v.check(([a, b, q]) => a < b && q > 0),
    ),
  }),
  v.strictObject({
    _type: v.picklist(['normal', 'lognormal']),
    _value: v.pipe(
      v.tuple([number, number]),
      v.check(([, s]) => s > 0),
    ),
  }),
  v.strictObject({
    _type: v.picklist(['qnormal', 'qlognormal']),
    _value: v.pipe(
      v.tuple([number, number, number]),
      v.check(([, s, q]) => s > 0 && q > 0),
    ),
  }),
]);
const NNI_SEARCH_SPACE = v.pipe(
  v.record(v.pipe(v.string(), v.minLength(1)), NNI_VARIABLE),
  v.check((s) => Object.keys(s).length > 0),
);

const EXPERIMENTS: Array<[string, object]> = [
  ['chain, evolution', { dataset: 'digits', space: 'chain', strategy: 'evolution', budget: 2, training: { epochs: 1 }, seed: 2 }],
  [
    'nb201 + hyperparameters, hyperband',
    {
      dataset: 'digits',
      space: 'nb201',
      strategy: 'hyperband',
      hpo: { enabled: true },
      budget: 2,
      training: { epochs: 1 },
      data: { maxExamples: 300 },
      seed: 3,
    },
  ],
  [
    'cell, bohb',
    {
      dataset: 'digits',
      space: 'cell',
      strategy: 'bohb',
      spaceSettings: { cell: { channels: 4 } },
      budget: 2,
      training: { epochs: 1 },
      data: { maxExamples: 300 },
      seed: 4,
    },
  ],
  ['mnas, tpe', { dataset: 'digits', space: 'mnas', strategy: 'tpe', budget: 2, training: { epochs: 1 }, data: { maxExamples: 300 }, seed: 5 }],
  [
    'resolution, random',
    { dataset: 'digits', space: 'resolution', strategy: 'random', budget: 2, training: { epochs: 1 }, data: { maxExamples: 300 }, seed: 6 },
  ],
  [
    'hierarchical, random',
    {
      dataset: 'digits',
      space: 'hierarchical',
      strategy: 'random',
      budget: 2,
      training: { epochs: 1 },
      data: { maxExamples: 300 },
      spaceSettings: { hierarchical: { channels: 4 } },
      seed: 7,
    },
  ],
];

async function clusterInput(input: object): Promise<ClusterInput & { experiment: Experiment }> {
  await on('wasm');
  const experiment = parseExperiment(input);
  const models = new ModelStore(1);
  await runSearch(experiment, { readAsset: readPublicAsset, backend: 'wasm', models }, () => undefined);
  const data = await prepareData(experiment, readPublicAsset);
  return { experiment, space: experimentSpace(experiment), model: models.best!, data };
}

function write(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nas-cluster-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe.each(EXPERIMENTS)('cluster projects: %s', (_name, input) => {
  let setup: Awaited<ReturnType<typeof clusterInput>>;
  let ray: string;
  let nni: string;
  beforeAll(async () => {
    requireTorch();
    setup = await clusterInput(input);
    ray = write(toRay(setup));
    nni = write(toNni(setup));
  }, 300_000);

  it('the Ray project and the NNI trial code pass python3 -m py_compile', () => {
    for (const dir of [ray, nni]) {
      const sources = readdirSync(dir).filter((f) => f.endsWith('.py'));
      expect(sources).toEqual(expect.arrayContaining(['trial.py', 'model.py', 'ops.py', 'search_space.py']));
      runPython(['-m', 'py_compile', ...sources], dir);
    }
    const tune = readFileSync(join(ray, 'tune_search.py'), 'utf8');
    expect(tune.match(/tune\.choice\(/g)).toHaveLength(setup.space.decisions().length);
  });

  it('the NNI search space validates against NNI’s documented format, one choice per decision', () => {
    const space = JSON.parse(readFileSync(join(nni, 'search_space.json'), 'utf8'));
    const checked = v.safeParse(NNI_SEARCH_SPACE, space);
    expect(checked.issues ?? []).toEqual([]);
    expect(Object.keys(space)).toEqual(clusterDecisions(setup.space).map((d) => d.name));
    const config = readFileSync(join(nni, 'config.yml'), 'utf8');
    expect(config).toMatch(/^searchSpaceFile: search_space\.json$/m);
    expect(config).toMatch(/^trialCommand: python3 nni_trial\.py$/m);
    expect(config).toMatch(new RegExp(`^maxTrialNumber: ${setup.experiment.budget}$`, 'm'));
  });

  it('the exported trial function trains one epoch under torch, reports an accuracy, and its results load back as trials', () => {
    const decisions = clusterDecisions(setup.space);
    // A stand-in for Ray's and NNI's reporters: the trial calls it once per epoch.
    const out = runPython(
      [
        '-c',
        `import json\nfrom trial import run_trial\nfrom search_space import DECISIONS\nreported = []\nconfig = {d['name']: d['options'][-1] for d in DECISIONS}\nrecord = run_trial(config, report=reported.append, epochs=1, trial_id='t1', origin='ray')\nprint(json.dumps(reported))`,
      ],
      ray,
    );
    const reported = JSON.parse(out.trim().split('\n').pop()!) as Array<{ accuracy: number; epoch: number }>;
    expect(reported).toHaveLength(1);
    expect(reported[0]!.accuracy).toBeGreaterThanOrEqual(0);
    expect(reported[0]!.accuracy).toBeLessThanOrEqual(1);
    const { trials, origin } = importTrialLines(readFileSync(join(ray, 'results.jsonl'), 'utf8'), 'results.jsonl', setup.space, setup.experiment.objective);
    expect(origin).toBe('ray');
    expect(trials).toHaveLength(1);
    const expected = setup.space.fromDecisions(decisions.map((d) => d.options.length - 1));
    expect(trials[0]!.encoded).toBe(setup.space.encode(expected));
    expect(trials[0]!.accuracy).toBe(reported[0]!.accuracy);
    // The genotype Python built from the same choices is the playground's (the architecture part, with joint HPO).
    const line = JSON.parse(readFileSync(join(ray, 'results.jsonl'), 'utf8').trim()) as { genotype: unknown };
    expect(line.genotype).toEqual((expected as { arch?: unknown }).arch ?? expected);
    expect(trials[0]!.params).toBe(setup.space.cost(expected, setup.data.input, setup.data.classes).params);
  }, 300_000);
});
