/**
 * A link carries only what differs from the defaults of its version, so a default can change
 * only with a new link version, and a link of an older version is read against the defaults it
 * was made with. These are the defaults of link versions 1 and 2, frozen as they were (the parsed
 * default experiment before version 3 raised the budget from 12 to 24 trials); they must never
 * be edited.
 */
const BEFORE_V3 = {
  dataset: 'digits',
  data: {
    validationFraction: 0.2,
    maxExamples: 0,
    resolution: 1,
    augment: { flip: false, crop: 0, rotate: 0, noise: 0, cutout: 0, mixup: 0 },
    cleaning: { missing: 'mean', outliers: 'keep', scale: 'standard' },
    features: { construct: 'none', bins: 4, select: 'none', keep: 8, pca: 0 },
    synthetic: { balance: false },
  },
  evaluator: 'train',
  space: 'chain',
  spaceSettings: {
    chain: { depth: 4, widths: [8, 16, 32] },
    cell: { nodes: 4, ops: 'darts', concat: 'all', cellsPerStage: 1, channels: 8, stemMultiplier: 3 },
    nb201: { channels: 8, cellsPerStage: 1 },
    resolution: { layers: 6, levels: 4, channels: 8 },
  },
  strategy: 'evolution',
  strategySettings: {
    evolution: { population: 10, sample: 3 },
    reinforce: { learningRate: 2 },
    'reinforce-lstm': { learningRate: 0.01 },
    bananas: { initial: 10 },
    pnas: { beam: 8 },
    tpe: { initial: 10 },
    hyperband: { eta: 3 },
    oneShot: {
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
    },
  },
  budget: 12,
  surrogate: { enabled: false, warmup: 10, trainEvery: 4 },
  hpo: { enabled: false, learningRate: [0.001, 0.003, 0.01, 0.03, 0.1], batchSize: [16, 32, 64], weightDecay: [0, 0.0005, 0.005] },
  training: { epochs: 2, batchSize: 32, optimizer: 'adam', learningRate: 0.01, weightDecay: 0.0005, earlyStopping: false },
  objective: { kind: 'accuracy', cost: 'latency', target: 0.5, weight: -0.07, hard: false },
  seed: 1,
  backend: 'auto',
};

/** The first link version whose defaults are the schema's own. */
export const CURRENT_DEFAULTS_FROM = 3;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `over` laid over `base`, object by object; arrays and other values of `over` replace. */
function layer(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  // "__proto__" from a hostile link would set the result's prototype; the schema drops unknown keys anyway.
  for (const [key, value] of Object.entries(over)) if (key !== '__proto__') out[key] = layer(base[key], value);
  return out;
}

/** The defaults a link of `version` was made against, as a settings object; {} where they are the schema's. */
export function defaultsOfVersion(version: number): Record<string, unknown> {
  return version < CURRENT_DEFAULTS_FROM ? (JSON.parse(JSON.stringify(BEFORE_V3)) as Record<string, unknown>) : {};
}

/** What a link of `version` carried, completed with that version's defaults where they differ from today's. */
export function withDefaultsOfVersion(version: number, raw: Record<string, unknown>): Record<string, unknown> {
  return layer(defaultsOfVersion(version), raw) as Record<string, unknown>;
}
