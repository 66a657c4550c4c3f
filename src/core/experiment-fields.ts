import * as v from 'valibot';
import { COST_METRICS } from './objective';
import { int, real } from './schema-tools';

/**
 * The fields of an experiment that no registry entry contributes: data preparation, the budget,
 * training, the objective, the seed. Every field is optional and falls back to a default, so a link
 * only needs to carry what the user changed, and a link written before a field existed still opens.
 */

export const BACKEND_PREFERENCES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];

export const OPTIMIZERS = ['sgd', 'adam'] as const;

export const DataField = v.optional(
  v.object({
    validationFraction: v.optional(v.pipe(real(0.05, 0.5), v.metadata({ step: 0.05 })), 0.2),
    /**
     * Share of each class held out as a test split: never seen by the strategy, it reports the
     * returned architecture. Links made before it existed carry 0 (see link-upgrade.ts).
     */
    testFraction: v.optional(v.pipe(real(0, 0.5), v.metadata({ step: 0.05 })), 0.2),
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
        noise: v.optional(v.pipe(real(0, 2), v.metadata({ step: 0.05 })), 0),
        cutout: v.optional(int(0, 16), 0),
        mixup: v.optional(v.pipe(real(0, 4), v.metadata({ step: 0.1 })), 0),
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
    synthetic: v.optional(
      v.object({
        balance: v.optional(v.boolean(), false),
        /** Examples from a class-conditional generator fitted on the training split (a GAN for images, a Gaussian mixture for tables); `none` adds none. */
        generate: v.optional(v.picklist(['none', 'gan']), 'none'),
        /** How many generated examples, as a multiple of the (real) training split, class by class. */
        amount: v.optional(v.pipe(real(0.1, 4), v.metadata({ step: 0.1 })), 1),
      }),
      {},
    ),
  }),
  {},
);

export const RunFields = {
  // 24 trials: evolution, TPE and BANANAS start with 10 random ones (the papers' settings, and the same
  // 10 for the same seed), so their own moves need the other 14 to show. Links before version 3 meant 12.
  budget: v.optional(int(1, 5000), 24),
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
      /**
       * The border gradient of 'same' average pooling: `exact`, or `tfjs`, the too-small one tfjs
       * gives, which experiments of links made before the fix keep (see link-upgrade.ts) so they reproduce.
       */
      avgPoolGradient: v.optional(v.picklist(['exact', 'tfjs']), 'exact'),
      /**
       * The kernels of batch norm's training step: `fast` (fewer kernels), or `v5`, those of link
       * version 5 and before, which round differently: older links keep them (see link-upgrade.ts) so they reproduce.
       */
      stepKernels: v.optional(v.picklist(['v5', 'fast']), 'fast'),
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
};

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept for its inferred type only
const BaseSchema = v.object({ data: DataField, ...RunFields });
type ExperimentBase = v.InferOutput<typeof BaseSchema>;

/**
 * The experiment as an entry's hooks see it: every field, with the registry-made ones (ids and
 * settings groups) loosely typed, since the entries are what makes them precise. Hooks read their
 * own settings from the context instead.
 */
export interface ExperimentView extends ExperimentBase {
  dataset: string;
  evaluator: string;
  space: string;
  strategy: string;
  spaceSettings: Record<string, object>;
  strategySettings: Record<string, object>;
}
