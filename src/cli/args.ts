import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { contentHash } from '../core/digest';
import type { UserFile } from '../data/load';
import { fileTooLarge } from '../core/limits';
import { PlaygroundError } from '../core/errors';
import { BENCHMARK_DATASETS, DATASET_IDS, EVALUATOR_IDS, parseExperiment, type Experiment } from '../core/experiment';
import { decodeLink } from '../core/link';
import { SPACE_IDS } from '../core/space/index';
import { STRATEGY_IDS } from '../core/strategy/index';
import { isOneShot, ONE_SHOT_IDS } from '../core/one-shot';

const ALL_STRATEGIES = [...STRATEGY_IDS, ...ONE_SHOT_IDS];
import { NODE_BACKENDS, type NodeBackend } from '../nn/backend-node';
import { isZip } from '../data/user-images';
import { decodeImageNode } from '../data/image-decode-node';

export const USAGE = `Usage: npm run search -- [options]

Runs a NAS Playground search headless, with the same engine as the page.

  --link <url or #hash>   start from a share link (flags below override it)
  --dataset ${DATASET_IDS.join('|')}
  --space ${SPACE_IDS.join('|')}
  --strategy ${STRATEGY_IDS.join('|')}
            | ${ONE_SHOT_IDS.join('|')}   (weight sharing; --space cell|nb201)
  --evaluator ${EVALUATOR_IDS.join('|')}
                          train each candidate from scratch; look cells up in the NAS-Bench-201
                          table (with --space nb201 and a dataset cifar10|cifar100|imagenet16);
                          or score them with weights inherited from a SPOS supernet
                          (--space cell|nb201; --epochs is then the supernet's)
  --data-file <path.csv|path.zip>
                          search your own table, or a zip of one folder of images per
                          class (read here, never uploaded; PNG and JPEG)
  --label <column>        its label column, by name or 1-based position (default: the last)
  --budget N              number of trials (table lookups count as trials)
  --epochs E              training epochs per trial (the fidelity); for weight
                          sharing, supernet epochs (per stage for pdarts)
  --order 1|2             DARTS / P-DARTS: first- or second-order α gradient
  --latency-weight W      ProxylessNAS: weight of the measured expected latency in the loss
  --retrain               weight sharing: train the derived genotype from scratch at the end
  --retrain-epochs N      … for N epochs (default: the experiment's training epochs)
  --seed S                experiment seed
  --seeds A..B | A,B,C    run one search per seed and report the mean and spread of the results
  --backend ${NODE_BACKENDS.join('|')}   tfjs backend (default: the link's, else wasm)
  --json                  print one JSON object instead of a table
  --help                  show this text`;

export interface CliOptions {
  experiment: Experiment;
  /** The user's own file, when --data-file names one. */
  userFile?: UserFile;
  backend: NodeBackend;
  /** Several seeds: one search each. */
  seeds: number[] | null;
  json: boolean;
  help: boolean;
}

function usageError(message: string): PlaygroundError {
  return new PlaygroundError('invalid-config', message, 'Run with --help to see the options.');
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw usageError(`--${flag} must be one of ${allowed.join(', ')}; got "${value}".`);
  return value as T;
}

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw usageError(`--${flag} must be a whole number; got "${value}".`);
  return Number(value);
}

/** "1..30" or "3,5,8" → the seeds; at most 1000. */
export function parseSeeds(value: string | undefined): number[] | null {
  if (value === undefined) return null;
  const range = /^(\d+)\.\.(\d+)$/.exec(value);
  let seeds: number[];
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (to < from) throw usageError(`--seeds ${value} is an empty range.`);
    seeds = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  } else if (/^\d+(,\d+)*$/.test(value)) {
    seeds = value.split(',').map(Number);
  } else {
    throw usageError(`--seeds must look like 1..30 or 1,2,3; got "${value}".`);
  }
  if (seeds.length > 1000) throw usageError(`--seeds names ${seeds.length} seeds; at most 1000 are allowed.`);
  return seeds;
}

/** Flags (and an optional link) → a validated experiment. Throws PlaygroundError on anything off. */
export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        link: { type: 'string' },
        dataset: { type: 'string' },
        space: { type: 'string' },
        strategy: { type: 'string' },
        evaluator: { type: 'string' },
        'data-file': { type: 'string' },
        label: { type: 'string' },
        budget: { type: 'string' },
        epochs: { type: 'string' },
        order: { type: 'string' },
        'latency-weight': { type: 'string' },
        retrain: { type: 'boolean', default: false },
        'retrain-epochs': { type: 'string' },
        seed: { type: 'string' },
        seeds: { type: 'string' },
        backend: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw usageError(e instanceof Error ? e.message : String(e));
  }
  const f = parsed.values;
  const base: Experiment = f.link !== undefined ? decodeLink(f.link).experiment : parseExperiment({});
  const backend = oneOf('backend', f.backend, NODE_BACKENDS) ?? (NODE_BACKENDS.includes(base.backend as NodeBackend) ? (base.backend as NodeBackend) : 'wasm');
  const epochs = wholeNumber('epochs', f.epochs);
  let userFile: CliOptions['userFile'];
  let file: Experiment['data']['file'] = base.data.file;
  if (f['data-file'] !== undefined) {
    const path = f['data-file'];
    if (statSync(path, { throwIfNoEntry: false })?.isFile() !== true) throw usageError(`--data-file ${path}: no such file.`);
    const tooLarge = fileTooLarge(path, statSync(path).size);
    if (tooLarge) throw tooLarge;
    const bytes = new Uint8Array(readFileSync(path));
    userFile = { name: basename(path), bytes, ...(isZip(bytes) ? { decode: decodeImageNode } : {}) };
    if (isZip(bytes) && f.label !== undefined) throw usageError('--label goes with a CSV file; a zip of images takes its classes from its folders.');
    file = { name: basename(path).slice(0, 200), hash: contentHash(bytes), ...(f.label !== undefined ? { label: f.label } : {}) };
  } else if (f.label !== undefined) {
    throw usageError('--label goes with --data-file.');
  }
  const strategy = oneOf('strategy', f.strategy, ALL_STRATEGIES) ?? base.strategy;
  const oneShot = { ...base.strategySettings.oneShot };
  if (f.order !== undefined) oneShot.order = Number(oneOf('order', f.order, ['1', '2'])) as 1 | 2;
  if (f['latency-weight'] !== undefined) {
    const w = Number(f['latency-weight']);
    if (!Number.isFinite(w) || w < 0) throw usageError(`--latency-weight must be a number ≥ 0; got "${f['latency-weight']}".`);
    oneShot.latencyWeight = w;
  }
  if (f.retrain) oneShot.retrain = true;
  const evaluator = oneOf('evaluator', f.evaluator, EVALUATOR_IDS) ?? base.evaluator;
  // With weight sharing, --epochs is the supernet's training; a candidate is never trained alone (but for --retrain).
  const shared = isOneShot(strategy) || evaluator === 'supernet';
  if (shared && epochs !== undefined) oneShot.epochs = epochs;
  // The table covers one space and three datasets: fill them in when the flags leave them open.
  const lookup = evaluator === 'nb201';
  const baseDataset = lookup && !(BENCHMARK_DATASETS as readonly string[]).includes(base.dataset) ? 'cifar10' : base.dataset;
  const experiment = parseExperiment({
    ...base,
    dataset: userFile ? 'own' : (oneOf('dataset', f.dataset, DATASET_IDS) ?? baseDataset),
    data: { ...base.data, file },
    space: oneOf('space', f.space, SPACE_IDS) ?? (lookup ? 'nb201' : base.space),
    strategy,
    strategySettings: { ...base.strategySettings, oneShot },
    evaluator,
    budget: wholeNumber('budget', f.budget) ?? base.budget,
    seed: wholeNumber('seed', f.seed) ?? base.seed,
    training: { ...base.training, epochs: (shared ? wholeNumber('retrain-epochs', f['retrain-epochs']) : epochs) ?? base.training.epochs },
    backend,
  });
  return { experiment, backend, userFile, seeds: parseSeeds(f.seeds), json: f.json ?? false, help: f.help ?? false };
}
