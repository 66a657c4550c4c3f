import * as v from 'valibot';
import { PlaygroundError } from './errors';
import { clip } from './format';
import { COST_METRICS } from './objective';
import { createSpace, SPACE_IDS, type SearchSpace } from './space/index';
import { STRATEGY_IDS } from './strategy/index';
import { DEFAULT_ONE_SHOT, isOneShot, ONE_SHOT_IDS, ONE_SHOT_SPACES, ONE_SHOT_TITLES } from './one-shot';

/**
 * The experiment config: the one source of truth for what a search is. Every field is optional
 * and falls back to a default, so a link only needs to carry what the user changed, and a link
 * written before a field existed still opens.
 */

/** Datasets with examples to train on. */
export const TRAINABLE_DATASETS = ['digits', 'shapes', 'spiral', 'iris', 'wine', 'breast_cancer', 'mnist', 'fashion_mnist', 'cifar10_images', 'own'] as const;
/** Image sets downloaded at run time from their usual public locations (and cached on the device). */
export const DOWNLOADED_DATASETS = ['mnist', 'fashion_mnist', 'cifar10_images'] as const;
export type DownloadedDataset = (typeof DOWNLOADED_DATASETS)[number];
/** Datasets known only through a tabular benchmark: searched by lookup, never trained here. */
export const BENCHMARK_DATASETS = ['cifar10', 'cifar100', 'imagenet16'] as const;
export type BenchmarkDataset = (typeof BENCHMARK_DATASETS)[number];
export const DATASET_IDS = [...TRAINABLE_DATASETS, ...BENCHMARK_DATASETS] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

/** How a candidate is scored: trained from scratch here, or looked up in the NAS-Bench-201 table. */
/** Train each candidate from scratch, look it up in the NAS-Bench-201 table, or score it with weights inherited from a trained supernet. */
export const EVALUATOR_IDS = ['train', 'nb201', 'supernet'] as const;
export type EvaluatorId = (typeof EVALUATOR_IDS)[number];

export const BACKEND_PREFERENCES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];

export const OPTIMIZERS = ['sgd', 'adam'] as const;

const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const real = (min: number, max: number) => v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));

export const ExperimentSchema = v.object({
  dataset: v.optional(v.picklist(DATASET_IDS), 'digits'),
  data: v.optional(
    v.object({
      validationFraction: v.optional(real(0.05, 0.5), 0.2),
      /** Cap on examples used (0 = all): a low-fidelity knob and a speed knob. */
      maxExamples: v.optional(int(0, 1_000_000), 0),
      /**
       * The user's own table: never the data itself, only what identifies it, so a link can ask for
       * the same file again and check it is the same.
       */
      file: v.optional(
        v.object({
          name: v.pipe(v.string(), v.maxLength(200)),
          hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/)),
          label: v.optional(v.pipe(v.string(), v.maxLength(200))),
        }),
      ),
      /** Image side as a share of the original (0.5 = half): the lower-resolution fidelity. */
      resolution: v.optional(v.picklist([1, 0.5]), 1),
      /** Seeded augmentation of image training batches. */
      augment: v.optional(
        v.object({
          flip: v.optional(v.boolean(), false),
          crop: v.optional(int(0, 8), 0),
          rotate: v.optional(real(0, 45), 0),
          noise: v.optional(real(0, 2), 0),
          cutout: v.optional(int(0, 16), 0),
          mixup: v.optional(real(0, 4), 0),
        }),
        {},
      ),
      /** Cleaning of tables: missing values, outliers, scaling. */
      cleaning: v.optional(
        v.object({
          missing: v.optional(v.picklist(['mean', 'median', 'drop']), 'mean'),
          outliers: v.optional(v.picklist(['keep', 'clip', 'drop']), 'keep'),
          scale: v.optional(v.picklist(['standard', 'minmax', 'none']), 'standard'),
        }),
        {},
      ),
      /** Feature engineering of tables, fitted on the training split: construction, then selection, then PCA. */
      features: v.optional(
        v.object({
          construct: v.optional(v.picklist(['none', 'polynomial', 'binning']), 'none'),
          bins: v.optional(int(2, 20), 4),
          select: v.optional(v.picklist(['none', 'variance', 'mutual-info']), 'none'),
          keep: v.optional(int(1, 1000), 8),
          pca: v.optional(int(0, 1000), 0),
        }),
        {},
      ),
      /** Class-conditional synthetic examples that bring every training class up to the largest. */
      synthetic: v.optional(v.object({ balance: v.optional(v.boolean(), false) }), {}),
    }),
    {},
  ),
  evaluator: v.optional(v.picklist(EVALUATOR_IDS), 'train'),
  space: v.optional(v.picklist(SPACE_IDS), 'chain'),
  spaceSettings: v.optional(
    v.object({
      chain: v.optional(
        v.object({
          depth: v.optional(int(1, 12), 4),
          widths: v.optional(v.pipe(v.array(int(1, 256)), v.minLength(1), v.maxLength(6)), [8, 16, 32]),
        }),
        {},
      ),
      cell: v.optional(
        v.object({
          nodes: v.optional(int(1, 7), 4),
          ops: v.optional(v.picklist(['darts', 'nasnet']), 'darts'),
          concat: v.optional(v.picklist(['all', 'unused']), 'all'),
          cellsPerStage: v.optional(int(1, 10), 1),
          channels: v.optional(v.pipe(int(2, 64), v.check((c) => c % 2 === 0, 'must be even')), 8),
          stemMultiplier: v.optional(int(1, 4), 3),
        }),
        {},
      ),
      resolution: v.optional(
        v.object({
          layers: v.optional(int(1, 16), 6),
          levels: v.optional(int(2, 5), 4),
          channels: v.optional(int(1, 64), 8),
        }),
        {},
      ),
      nb201: v.optional(
        v.object({
          channels: v.optional(int(1, 64), 8),
          cellsPerStage: v.optional(int(1, 5), 1),
        }),
        {},
      ),
    }),
    {},
  ),
  strategy: v.optional(v.picklist([...STRATEGY_IDS, ...ONE_SHOT_IDS]), 'evolution'),
  strategySettings: v.optional(
    v.object({
      evolution: v.optional(
        v.object({
          population: v.optional(int(2, 100), 10),
          sample: v.optional(int(1, 100), 3),
        }),
        {},
      ),
      reinforce: v.optional(v.object({ learningRate: v.optional(real(1e-4, 100), 2) }), {}),
      'reinforce-lstm': v.optional(v.object({ learningRate: v.optional(real(1e-5, 1), 0.01) }), {}),
      bananas: v.optional(v.object({ initial: v.optional(int(2, 1000), 10) }), {}),
      pnas: v.optional(v.object({ beam: v.optional(int(1, 100), 8) }), {}),
      tpe: v.optional(v.object({ initial: v.optional(int(1, 1000), 10) }), {}),
      hyperband: v.optional(v.object({ eta: v.optional(int(2, 10), 3) }), {}),
      /** The weight-sharing strategies: see src/core/one-shot.ts. */
      oneShot: v.optional(
        v.object({
          epochs: v.optional(int(1, 200), DEFAULT_ONE_SHOT.epochs),
          warmup: v.optional(int(0, 100), DEFAULT_ONE_SHOT.warmup),
          archLearningRate: v.optional(real(1e-6, 1), DEFAULT_ONE_SHOT.archLearningRate),
          order: v.optional(v.picklist([1, 2]), DEFAULT_ONE_SHOT.order),
          recalibrate: v.optional(v.boolean(), DEFAULT_ONE_SHOT.recalibrate),
          search: v.optional(v.picklist(['evolution', 'random']), DEFAULT_ONE_SHOT.search),
          latencyWeight: v.optional(real(0, 10), DEFAULT_ONE_SHOT.latencyWeight),
          stages: v.optional(int(1, 5), DEFAULT_ONE_SHOT.stages),
          skipDropout: v.optional(real(0, 0.9), DEFAULT_ONE_SHOT.skipDropout),
          retrain: v.optional(v.boolean(), DEFAULT_ONE_SHOT.retrain),
        }),
        {},
      ),
    }),
    {},
  ),
  budget: v.optional(int(1, 5000), 12),
  /** Score most candidates with a learned predictor instead of training them. */
  surrogate: v.optional(
    v.object({
      enabled: v.optional(v.boolean(), false),
      warmup: v.optional(int(2, 1000), 10),
      trainEvery: v.optional(int(1, 100), 4),
    }),
    {},
  ),
  /** Search the training hyperparameters together with the architecture (joint NAS + HPO). */
  hpo: v.optional(
    v.object({
      enabled: v.optional(v.boolean(), false),
      learningRate: v.optional(v.pipe(v.array(real(1e-6, 10)), v.minLength(1), v.maxLength(12)), [0.001, 0.003, 0.01, 0.03, 0.1]),
      batchSize: v.optional(v.pipe(v.array(int(1, 1024)), v.minLength(1), v.maxLength(12)), [16, 32, 64]),
      weightDecay: v.optional(v.pipe(v.array(real(0, 1)), v.minLength(1), v.maxLength(12)), [0, 0.0005, 0.005]),
    }),
    {},
  ),
  training: v.optional(
    v.object({
      epochs: v.optional(int(1, 100), 2),
      batchSize: v.optional(int(1, 1024), 32),
      optimizer: v.optional(v.picklist(OPTIMIZERS), 'adam'),
      learningRate: v.optional(real(1e-6, 10), 0.01),
      weightDecay: v.optional(real(0, 1), 0.0005),
      /** The median stopping rule: end a trial whose accuracy after an epoch is below the median of earlier trials at that epoch. */
      earlyStopping: v.optional(v.boolean(), false),
    }),
    {},
  ),
  objective: v.optional(
    v.object({
      kind: v.optional(v.picklist(['accuracy', 'mnas']), 'accuracy'),
      cost: v.optional(v.picklist(COST_METRICS), 'latency'),
      target: v.optional(real(1e-6, 1e12), 0.5),
      weight: v.optional(real(-1, 0), -0.07),
      hard: v.optional(v.boolean(), false),
    }),
    {},
  ),
  seed: v.optional(int(0, 2 ** 31 - 1), 1),
  backend: v.optional(v.picklist(BACKEND_PREFERENCES), 'auto'),
});

export type Experiment = v.InferOutput<typeof ExperimentSchema>;
export type ExperimentInput = v.InferInput<typeof ExperimentSchema>;

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 4)
    .map((issue) => {
      const path = issue.path?.map((p) => clip(String(p.key), 30)).join('.') ?? '(top level)';
      // The value received is echoed at most a few dozen characters long: a 67 KB link once made a 52 MB message.
      const message = issue.received.length > 40 ? issue.message.split(issue.received).join(clip(issue.received, 40)) : issue.message;
      return `${path}: ${clip(message, 160)}`;
    })
    .join('; ');
}

/** Validates untrusted input (a link, CLI flags, a form) into a complete experiment. */
export function parseExperiment(raw: unknown): Experiment {
  const result = v.safeParse(ExperimentSchema, raw ?? {});
  if (!result.success) {
    throw new PlaygroundError('invalid-config', `The experiment settings are not valid — ${describeIssues(result.issues)}.`, 'Fix the value named above, or reset to the defaults.');
  }
  const x = result.output;
  const benchmark = (BENCHMARK_DATASETS as readonly string[]).includes(x.dataset);
  if (x.evaluator === 'nb201' && (x.space !== 'nb201' || !benchmark)) {
    throw new PlaygroundError('invalid-config', `The NAS-Bench-201 lookup scores cells of the nb201 space on ${BENCHMARK_DATASETS.join(', ')}; this experiment has space "${x.space}" and dataset "${x.dataset}".`, 'Choose the nb201 space and a benchmark dataset, or train from scratch.');
  }
  if (x.evaluator === 'nb201' && x.objective.kind === 'mnas' && x.objective.cost === 'latency') {
    throw new PlaygroundError('invalid-config', 'A table lookup runs no model, so there is no latency to trade accuracy against.', 'Use FLOPs or parameters as the cost, or train from scratch.');
  }
  if (x.evaluator === 'nb201' && (x.strategy === 'hyperband' || x.strategy === 'bohb')) {
    throw new PlaygroundError('invalid-config', `${x.strategy === 'bohb' ? 'BOHB' : 'Hyperband'} starts candidates on a few epochs, but the NAS-Bench-201 table shipped here holds one training length (12 epochs), so there is no lower fidelity to start from.`, 'Train from scratch with 9 or more epochs, or pick another strategy for the table.');
  }
  if (x.evaluator === 'nb201' && x.surrogate.enabled) {
    throw new PlaygroundError('invalid-config', 'A table lookup is already free, so predicting it with a surrogate saves nothing.', 'Turn the surrogate off, or train from scratch.');
  }
  if (x.evaluator === 'nb201' && x.hpo.enabled) {
    throw new PlaygroundError('invalid-config', 'The NAS-Bench-201 table was made with one set of training hyperparameters, so they cannot be searched by lookup.', 'Turn hyperparameter search off, or train from scratch.');
  }
  if (x.dataset === 'own' && !x.data.file) {
    throw new PlaygroundError('invalid-config', 'The "own" dataset needs your file.', 'Choose a CSV file (in the page, or with --data-file in the CLI).');
  }
  if (x.evaluator !== 'nb201' && benchmark) {
    throw new PlaygroundError('invalid-config', `"${x.dataset}" is known here only through the NAS-Bench-201 table, so it cannot be trained on.`, 'Choose the NAS-Bench-201 lookup evaluator, or a dataset such as digits.');
  }
  if (isOneShot(x.strategy)) checkOneShot(x, ONE_SHOT_TITLES[x.strategy]);
  else if (x.evaluator === 'supernet') checkSupernetEvaluator(x);
  if (x.strategySettings.evolution.sample > x.strategySettings.evolution.population) {
    throw new PlaygroundError('invalid-config', `Evolution's tournament sample (${x.strategySettings.evolution.sample}) is larger than its population (${x.strategySettings.evolution.population}).`, 'Lower the sample size or raise the population.');
  }
  return x;
}

/** Weight sharing needs a supernet (cell or nb201 space), real training, and no per-candidate extras. */
function checkOneShot(x: Experiment, title: string): void {
  if (!(ONE_SHOT_SPACES as readonly string[]).includes(x.space)) {
    throw new PlaygroundError('invalid-config', `${title} shares weights in a supernet, which exists for the ${ONE_SHOT_SPACES.join(' and ')} spaces, not "${x.space}".`, 'Choose the cell or nb201 space, or another strategy.');
  }
  if (x.evaluator === 'nb201') {
    throw new PlaygroundError('invalid-config', `${title} trains a supernet on real examples; the NAS-Bench-201 table has only final accuracies.`, 'Choose "train" as the evaluator and a dataset such as digits (the derived nb201 cell is still looked up in the table).');
  }
  if (x.space === 'cell' && x.spaceSettings.cell.ops !== 'darts') {
    throw new PlaygroundError('invalid-config', `${title} on cells uses the DARTS op set (its supernet concatenates every node); this experiment uses the NASNet ops.`, 'Set the cell op set to DARTS.');
  }
  if (x.surrogate.enabled || x.hpo.enabled) {
    throw new PlaygroundError('invalid-config', `${title} scores candidates with shared weights, so a surrogate or a per-candidate hyperparameter search does not apply.`, 'Turn the surrogate and hyperparameter search off.');
  }
}

/** Any ask/tell strategy can rank sub-networks of a SPOS supernet, at one fidelity. */
function checkSupernetEvaluator(x: Experiment): void {
  checkOneShot(x, 'Scoring with a shared supernet');
  if (x.strategy === 'hyperband' || x.strategy === 'bohb') {
    throw new PlaygroundError('invalid-config', `${x.strategy === 'bohb' ? 'BOHB' : 'Hyperband'} trains candidates for more and more epochs, but a supernet scores every sub-network at once, at one fidelity.`, 'Pick another strategy, or train each candidate.');
  }
}

export function defaultExperiment(): Experiment {
  return parseExperiment({});
}

/**
 * The fields of `x` that differ from the defaults, so links stay short and keep meaning the same
 * thing when a later version changes nothing but adds fields.
 */
export function minimalExperiment(x: Experiment): Record<string, unknown> {
  return (diff(x, defaultExperiment()) as Record<string, unknown> | undefined) ?? {};
}

function diff(value: unknown, base: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof base === 'object' && base !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const d = diff(child, (base as Record<string, unknown>)[key]);
      if (d !== undefined) out[key] = d;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return JSON.stringify(value) === JSON.stringify(base) ? undefined : value;
}

/** The hyperparameter grid to search, or null when HPO is off. */
export function hyperparameterGrid(x: Experiment): { learningRate: number[]; batchSize: number[]; weightDecay: number[] } | null {
  return x.hpo.enabled ? { learningRate: x.hpo.learningRate, batchSize: x.hpo.batchSize, weightDecay: x.hpo.weightDecay } : null;
}

/** The space an experiment searches, hyperparameters included when HPO is on. */
export function experimentSpace(x: Experiment): SearchSpace {
  return createSpace(x.space, x.spaceSettings, hyperparameterGrid(x));
}
