import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { contentHash } from '../core/digest';
import type { UserFile } from '../data/load';
import { fileTooLarge } from '../core/limits';
import { PlaygroundError } from '../core/errors';
import { adjustFor } from '../core/adjust';
import { DATASET_IDS, EVALUATOR_IDS, parseExperiment, type Experiment } from '../core/experiment';
import { decodeLink } from '../core/link';
import { METHOD_IDS, sharesWeights } from '../core/methods';
import { SPACE_IDS } from '../core/space/index';
import { NODE_BACKENDS, type NodeBackend } from '../nn/backend-node';
import { applySettingFlags, settingOptions } from './settings-flags';
import { isZip } from '../data/user-images';
import { decodeImageNode } from '../data/image-decode-node';
import { EXPORT_FORMATS, type ExportFormat } from './export';
import { syntheticFlags } from './synthetic-flags';
import { appendOptions, parseAppends, type CliAppend } from './append-flags';
import { EVAL_DEPTH_OPTIONS, parseEvalDepth, type EvalDepthAsk } from './eval-depth-flags';

export { USAGE } from './usage';

export interface CliOptions {
  experiment: Experiment;
  /** The user's own file, when --data-file names one. */
  userFile?: UserFile;
  /** A Node backend by name, or `auto`: the fastest for the experiment's network, measured. */
  backend: NodeBackend | 'auto';
  /** Files appended to its data while the search runs (--append, --append-after). */
  appends: CliAppend[];
  /** Several seeds: one search each. */
  seeds: number[] | null;
  json: boolean;
  help: boolean;
  /** Where the trials (CSV, JSON) and the exports go, and which formats of the best model to write. */
  out?: string;
  exports: ExportFormat[];
  /** A results file of the exported Ray Tune or NNI project to read instead of searching. */
  importFile?: string;
  /** Retrain the returned architecture at evaluation depth after the search (--eval-depth). */
  evalDepth?: EvalDepthAsk | null;
}

/** "onnx,tfjs" → the formats, each one of EXPORT_FORMATS. */
export function parseExports(value: string | undefined, out: string | undefined): ExportFormat[] {
  if (value === undefined) return [];
  if (out === undefined) throw usageError('--export goes with --out DIR: the folder the files are written to.');
  const formats = value.split(',').map((f) => f.trim());
  const bad = formats.filter((f) => !EXPORT_FORMATS.includes(f as ExportFormat));
  if (bad.length > 0 || formats.length === 0) throw usageError(`--export takes a comma-separated list of ${EXPORT_FORMATS.join(', ')}; got "${value}".`);
  return [...new Set(formats as ExportFormat[])];
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
        'retrain-epochs': { type: 'string' },
        seed: { type: 'string' },
        seeds: { type: 'string' },
        backend: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        export: { type: 'string' },
        import: { type: 'string' },
        synthetic: { type: 'string' },
        'synthetic-amount': { type: 'string' },
        help: { type: 'boolean', default: false },
        ...settingOptions(),
        ...appendOptions,
        ...EVAL_DEPTH_OPTIONS,
      },
    });
  } catch (e) {
    throw usageError(e instanceof Error ? e.message : String(e));
  }
  const f = parsed.values;
  const base: Experiment = f.link !== undefined ? decodeLink(f.link).experiment : parseExperiment({});
  const backend =
    oneOf('backend', f.backend, [...NODE_BACKENDS, 'auto'] as const) ??
    (NODE_BACKENDS.includes(base.backend as NodeBackend) ? (base.backend as NodeBackend) : 'wasm');
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
  const strategy = oneOf('strategy', f.strategy, METHOD_IDS);
  const evaluator = oneOf('evaluator', f.evaluator, EVALUATOR_IDS);
  // A chosen evaluator or strategy brings the moves the page makes (the table's space and datasets, a
  // space with a supernet); flags that name those fields themselves still win.
  const moved = adjustFor(base, { ...(evaluator ? { evaluator } : {}), ...(strategy ? { strategy } : {}) }).experiment;
  const settings = applySettingFlags(moved, parsed.values as unknown as Record<string, string | boolean | undefined>);
  // With weight sharing, --epochs is the supernet's training; a candidate is never trained alone (but for --retrain).
  const shared = sharesWeights(moved);
  if (shared && epochs !== undefined) settings.strategySettings.oneShot.epochs = epochs;
  const experiment = parseExperiment({
    ...moved,
    ...settings,
    dataset: userFile ? 'own' : (oneOf('dataset', f.dataset, DATASET_IDS) ?? moved.dataset),
    data: { ...moved.data, file, synthetic: syntheticFlags(moved.data.synthetic, f.synthetic, f['synthetic-amount']) },
    space: oneOf('space', f.space, SPACE_IDS) ?? moved.space,
    budget: wholeNumber('budget', f.budget) ?? moved.budget,
    seed: wholeNumber('seed', f.seed) ?? moved.seed,
    training: { ...moved.training, epochs: (shared ? wholeNumber('retrain-epochs', f['retrain-epochs']) : epochs) ?? moved.training.epochs },
    backend,
  });
  const exports = parseExports(f.export, f.out);
  if (f.import !== undefined && exports.length > 0) throw usageError('--import reads trials that ran elsewhere; it has no trained model to --export.');
  const evalDepth = parseEvalDepth(f, experiment, { seeds: f.seeds !== undefined, importing: f.import !== undefined });
  return {
    experiment,
    evalDepth,
    backend,
    userFile,
    appends: parseAppends(f.append, f['append-after'], experiment, userFile),
    seeds: parseSeeds(f.seeds),
    json: f.json ?? false,
    help: f.help ?? false,
    exports,
    ...(f.out !== undefined ? { out: f.out } : {}),
    ...(f.import !== undefined ? { importFile: f.import } : {}),
  };
}
