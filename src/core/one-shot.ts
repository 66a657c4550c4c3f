/**
 * The weight-sharing (one-shot) strategies. They do not fit ask/tell: they train one supernet
 * whose weights every candidate shares, and read the architecture off it, so the engine runs them
 * with their own loop (src/engine/one-shot/).
 */
export const ONE_SHOT_IDS = ['spos', 'enas', 'darts', 'pdarts', 'proxyless'] as const;
export type OneShotId = (typeof ONE_SHOT_IDS)[number];

/** The spaces that have a supernet. */
export const ONE_SHOT_SPACES = ['cell', 'nb201'] as const;

export function isOneShot(id: string): id is OneShotId {
  return (ONE_SHOT_IDS as readonly string[]).includes(id);
}

export const ONE_SHOT_TITLES: Record<OneShotId, string> = {
  spos: 'SPOS (single-path one-shot)',
  enas: 'ENAS (shared weights + controller)',
  darts: 'DARTS (differentiable)',
  pdarts: 'P-DARTS (progressive DARTS)',
  proxyless: 'ProxylessNAS (binarised paths)',
};

export const ONE_SHOT_BLURBS: Record<OneShotId, string> = {
  spos: 'Trains the supernet one uniformly sampled path per batch, then runs evolution over paths scored with the inherited weights after recalibrating batch norm (Guo et al. 2020). The budget is the number of paths scored.',
  enas: 'An LSTM controller samples sub-networks of one shared supernet; shared weights and controller (REINFORCE on validation accuracy, entropy bonus) are trained in turn. The budget is the number of final samples ranked (Pham et al. 2018).',
  darts:
    'Relaxes each edge to a softmax-weighted sum of all ops and learns the weights α by gradient on the validation split while the supernet trains on the training split; keeps the strongest two inputs per node (Liu et al. 2019).',
  pdarts: 'DARTS in stages that deepen the supernet while dropping the weakest ops per edge, with dropout on skip connections and at most two skips in the final normal cell (Chen et al. 2019).',
  proxyless:
    'Keeps one sampled path per edge active, so memory is that of one network; learns α with a BinaryConnect-style gradient over two sampled paths, optionally with the expected measured latency in the loss (Cai et al. 2019).',
};

export interface OneShotSettings {
  /** Supernet training epochs (per stage for P-DARTS). */
  epochs: number;
  /** Epochs of weight-only training before α (or the controller) starts learning. */
  warmup: number;
  /** Adam learning rate of the architecture parameters (or of the ENAS controller). */
  archLearningRate: number;
  /** DARTS: 1 = first order (α sees the current weights), 2 = the unrolled second-order gradient. */
  order: 1 | 2;
  /** Recompute batch-norm statistics of a sub-network before scoring it with inherited weights. */
  recalibrate: boolean;
  /** SPOS: the search over paths after supernet training. */
  search: 'evolution' | 'random';
  /** ProxylessNAS: weight of the expected latency (relative to a uniform choice) in the loss; 0 ignores latency. */
  latencyWeight: number;
  /** P-DARTS: the number of stages. */
  stages: number;
  /** P-DARTS: drop probability of skip connections in the first stage (it grows by stage). */
  skipDropout: number;
  /** Train the derived genotype from scratch at the end, with the experiment's training settings. */
  retrain: boolean;
}

export const DEFAULT_ONE_SHOT: OneShotSettings = {
  epochs: 4,
  warmup: 0,
  archLearningRate: 0.006,
  order: 1,
  recalibrate: true,
  search: 'evolution',
  latencyWeight: 0,
  stages: 3,
  skipDropout: 0.1,
  retrain: false,
};
