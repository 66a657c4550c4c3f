import * as v from 'valibot';
import { int, real } from '../schema-tools';
import { PATH_SAMPLINGS } from './path-sampling';

/**
 * The settings all weight-sharing methods share (and the supernet evaluator): the supernet's
 * training, and each method's own knob. Each entry names the fields it reads.
 */
export const ONE_SHOT_SETTINGS = v.object({
  /** Supernet training epochs (per stage for P-DARTS). */
  epochs: v.optional(v.pipe(int(1, 200), v.title('Supernet epochs')), 4),
  /** Epochs of weight-only training before α (or the controller) starts learning. */
  warmup: v.optional(v.pipe(int(0, 100), v.title('Warm-up')), 0),
  /** Adam learning rate of the architecture parameters (or of the ENAS controller). */
  archLearningRate: v.optional(v.pipe(real(1e-6, 1), v.title('α learning rate'), v.metadata({ step: 0.001 })), 0.006),
  /** DARTS: 1 = first order (α sees the current weights), 2 = the unrolled second-order gradient. */
  order: v.optional(
    v.pipe(
      v.picklist([1, 2]),
      v.title('α gradient'),
      v.metadata({ labels: { 1: 'first order (α sees the current weights)', 2: 'second order (one unrolled weight step)' } }),
    ),
    1,
  ),
  /** Recompute batch-norm statistics of a sub-network before scoring it with inherited weights. */
  recalibrate: v.optional(v.pipe(v.boolean(), v.title('Recalibrate batch norm before scoring a sub-network')), true),
  /** SPOS: the search over paths after supernet training. */
  search: v.optional(
    v.pipe(v.picklist(['evolution', 'random']), v.title('Search over paths'), v.metadata({ labels: { evolution: 'regularised evolution', random: 'random' } })),
    'evolution',
  ),
  /** SPOS and the supernet evaluator: how each weight step's path is drawn (path-sampling.ts); uniform keeps links made before. */
  sampling: v.optional(
    v.pipe(
      v.picklist(PATH_SAMPLINGS),
      v.title('Path sampling'),
      v.metadata({ labels: { uniform: 'uniform, every step', fair: 'fair: every op of an edge once per group (FairNAS)' } }),
    ),
    'uniform',
  ),
  /** Batches of training data that recompute batch norm's statistics before a sub-network is scored. */
  calibrationBatches: v.optional(v.pipe(int(1, 200), v.title('Batch-norm recalibration batches')), 8),
  /**
   * SPOS, ENAS and the supernet evaluator: steps of a scored path's own training from the shared
   * weights before it is scored (then the supernet is put back). 0 scores the inherited weights as
   * they are, as links made before it did.
   */
  finetuneSteps: v.optional(v.pipe(int(0, 200), v.title('Fine-tune steps per scored path (0 = inherited weights as they are)')), 0),
  /** ProxylessNAS: weight of the expected latency (relative to a uniform choice) in the loss; 0 ignores latency. */
  latencyWeight: v.optional(v.pipe(real(0, 10), v.title('Latency weight (0 = accuracy only)'), v.metadata({ step: 0.1 })), 0),
  /** ProxylessNAS: the latency (ms) E[LAT] is divided by in the loss; 0 takes a uniform choice's expected latency. */
  latencyTarget: v.optional(v.pipe(real(0, 10000), v.title('Latency target, ms (0 = a uniform choice)'), v.metadata({ step: 0.1 })), 0),
  /** P-DARTS: the number of stages. */
  stages: v.optional(v.pipe(int(1, 5), v.title('Stages')), 3),
  /** P-DARTS: drop probability of skip connections in the first stage (it grows by stage). */
  skipDropout: v.optional(v.pipe(real(0, 0.9), v.title('Skip dropout'), v.metadata({ step: 0.05 })), 0.1),
  /**
   * DARTS cells and NAS-Bench-201: the ops of the edges leaving a node share its ReLU and poolings (a faster
   * step, the same maths summed in another order). Not on the page; links made before it exist run without.
   */
  shareEdgeWork: v.optional(v.pipe(v.boolean(), v.title('Share ReLU and pooling across the ops of an edge')), true),
  /** Train the derived genotype from scratch at the end, with the experiment's training settings. */
  retrain: v.optional(v.pipe(v.boolean(), v.title('Train the result from scratch at the end')), false),
});

export type OneShotSettings = v.InferOutput<typeof ONE_SHOT_SETTINGS>;
export type OneShotField = keyof OneShotSettings;

export const DEFAULT_ONE_SHOT: OneShotSettings = v.parse(ONE_SHOT_SETTINGS, {});

/** Where the shared settings sit in `strategySettings`; their flags carry no prefix (`--order`), and `--epochs` sets theirs. */
export const ONE_SHOT_GROUP = { settings: { key: 'oneShot', schema: ONE_SHOT_SETTINGS, cli: { prefix: '', skip: ['epochs'] } } } as const;
