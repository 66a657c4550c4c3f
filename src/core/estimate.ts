import { evaluatorEntry } from './evaluator/index';
import type { Experiment } from './experiment';
import { experimentSpace } from './experiment-helpers';
import { isOneShot, oneShotEntry } from './one-shot/index';
import { createStrategy, strategyEntry } from './strategy/index';

/**
 * How long a run will take, before it starts: a per-space cost model calibrated by one measured
 * training step. The worker times a few steps of the experiment's first network (so the backend,
 * the batch size and the data are this device's and this experiment's); a step of another network
 * of the space is taken to cost in proportion to its FLOPs, and a run is its trials' epochs of steps.
 */

/** What the worker measured, for one experiment's data, space and backend. */
export interface StepTiming {
  /** Seconds of one training step (forward, backward, update) of the measured network on one batch. */
  stepSeconds: number;
  /** FLOPs per example of the measured network, and the mean over architectures sampled from the space. */
  flops: number;
  meanFlops: number;
  /** Seconds to build a network and start training it. */
  buildSeconds: number;
  trainExamples: number;
  valExamples: number;
  /** Held-out test examples, measured once at the end of each trained trial. */
  testExamples: number;
  /** Seconds the data took to load and prepare. */
  dataSeconds: number;
}

export interface TimeEstimate {
  seconds: number;
  /** Trials trained in full (fractions for low-fidelity ones), and the seconds one full trial takes. */
  trainedTrials: number;
  perTrial: number;
  /** How it was made, for the tooltip: "from a measured step on WASM", "table lookups". */
  basis: string;
}

/** A table lookup reads a row (a fraction of a millisecond); the table loads once. */
const LOOKUP_SECONDS = 0.0005;
const TABLE_LOAD_SECONDS = 0.5;
/** A forward pass is about a third of a training step. */
const FORWARD_SHARE = 1 / 3;

/** Σ fidelity over the budget's proposals: what Hyperband's brackets cost in full trials. */
export function fullTrials(x: Experiment): number {
  const entry = strategyEntry(x.strategy);
  let trained = x.budget;
  if (entry?.multiFidelity) {
    const strategy = createStrategy(entry.id, experimentSpace(x), x.seed, x.strategySettings, undefined, { epochs: x.training.epochs });
    trained = 0;
    for (let index = 0; index < x.budget; index++) {
      const p = strategy.ask();
      trained += Math.max(1, Math.round(x.training.epochs * (p.fidelity ?? 1))) / x.training.epochs;
      strategy.tell({ index, genotype: p.genotype, encoded: p.encoded, reward: 0 });
    }
  }
  // The surrogate trains its warm-up trials, then one in `trainEvery`; it predicts the rest in milliseconds.
  if (x.surrogate.enabled && x.budget > x.surrogate.warmup)
    trained = Math.min(trained, x.surrogate.warmup + Math.ceil((x.budget - x.surrogate.warmup) / x.surrogate.trainEvery));
  return trained;
}

/** Seconds of a whole run of `x`, from a timing of its data, space and backend. */
export function estimateRun(x: Experiment, t: StepTiming | null): TimeEstimate {
  if (evaluatorEntry(x.evaluator).table) {
    return { seconds: TABLE_LOAD_SECONDS + x.budget * LOOKUP_SECONDS, trainedTrials: 0, perTrial: LOOKUP_SECONDS, basis: 'table lookups' };
  }
  if (!t) return { seconds: NaN, trainedTrials: 0, perTrial: NaN, basis: 'not measured yet' };
  const scale = Math.min(5, Math.max(0.2, t.meanFlops / Math.max(t.flops, 1)));
  const step = t.stepSeconds * scale;
  const steps = Math.ceil(t.trainExamples / x.training.batchSize);
  const evaluation = Math.ceil(t.valExamples / x.training.batchSize) * step * FORWARD_SHARE;
  const epoch = steps * step + evaluation;
  const testing = Math.ceil(t.testExamples / x.training.batchSize) * step * FORWARD_SHARE;
  const perTrial = t.buildSeconds + x.training.epochs * epoch + testing;
  const method = isOneShot(x.strategy) ? oneShotEntry(x.strategy) : undefined;
  const supernet = method ?? (evaluatorEntry(x.evaluator).sharesWeights ? oneShotEntry('spos') : undefined);
  if (supernet) {
    const settings = x.strategySettings.oneShot;
    // Every op of every edge runs in a mixed supernet (about five per edge); one path per step in SPOS, ENAS, ProxylessNAS.
    const width = supernet.onePath ? 1.3 : 5;
    const order = supernet.id === 'darts' && settings.order === 2 ? 2.5 : supernet.readsAlpha ? 1.5 : 1;
    const stages = supernet.id === 'pdarts' ? settings.stages : 1;
    const supernetSeconds = stages * settings.epochs * (steps * step * width * order + evaluation);
    // Each scored path: a validation pass, after its own fine-tuning steps when asked (one path a step, as SPOS trains).
    const ranked = supernet.ranksPaths || !method ? x.budget * (evaluation + settings.finetuneSteps * step * 1.3) : 0;
    const retrain = settings.retrain ? perTrial : 0;
    const seconds = t.dataSeconds + t.buildSeconds * 3 + supernetSeconds + ranked + retrain;
    return { seconds, trainedTrials: 0, perTrial, basis: 'supernet epochs, from a measured step' };
  }
  const trainedTrials = fullTrials(x);
  return { seconds: t.dataSeconds + trainedTrials * perTrial, trainedTrials, perTrial, basis: 'from a measured training step' };
}

/** Seconds of a comparison: every strategy on every seed, the data loaded once. */
export function estimateComparison(x: Experiment, strategies: readonly string[], seeds: number, t: StepTiming | null): TimeEstimate {
  const runs = strategies.map((strategy) => estimateRun({ ...x, strategy } as Experiment, t));
  const data = t && !evaluatorEntry(x.evaluator).table ? t.dataSeconds : 0;
  const seconds = runs.reduce((s, r) => s + (r.seconds - data) * seeds, data);
  return { seconds, trainedTrials: runs.reduce((s, r) => s + r.trainedTrials * seeds, 0), perTrial: runs[0]?.perTrial ?? NaN, basis: runs[0]?.basis ?? '' };
}

/**
 * Seconds of one network of `flops` FLOPs per example trained `epochs` epochs from scratch and
 * tested once (the returned architecture retrained at evaluation depth), from the same timing.
 */
export function estimateRetrain(x: Experiment, t: StepTiming | null, flops: number, epochs: number): TimeEstimate {
  if (!t) return { seconds: NaN, trainedTrials: 0, perTrial: NaN, basis: 'not measured yet' };
  const step = t.stepSeconds * Math.max(0.2, flops / Math.max(t.flops, 1));
  const steps = Math.ceil(t.trainExamples / x.training.batchSize);
  const pass = (n: number) => Math.ceil(n / x.training.batchSize) * step * FORWARD_SHARE;
  const seconds = t.dataSeconds + t.buildSeconds + epochs * (steps * step + pass(t.valExamples)) + pass(t.testExamples);
  return { seconds, trainedTrials: 1, perTrial: seconds, basis: 'from a measured training step, scaled by FLOPs' };
}
