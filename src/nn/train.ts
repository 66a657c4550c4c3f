import * as tf from '@tensorflow/tfjs-core';
import type { EpochReport } from '../contracts/events';
import type { Rng } from '../core/rng';
import type { InputShape } from '../core/space/types';
import type { Network } from './network';
import { augmentBatch, augmenting, type AugmentSettings } from '../core/augment';
import { cosineRate, Optimizer, type OptimizerKind } from './optimizer';

export interface Split {
  /** Examples, NHWC, flattened. */
  x: Float32Array;
  y: Int32Array;
  n: number;
}

export interface TrainData {
  input: InputShape;
  classes: number;
  train: Split;
  val: Split;
  /** The held-out test split: never trained on nor shown to a strategy; it reports the returned architecture. */
  test?: Split;
}

export interface TrainSettings {
  epochs: number;
  batchSize: number;
  optimizer: OptimizerKind;
  learningRate: number;
  weightDecay: number;
  /** Image augmentation of training batches (ignored for tables and points). */
  augment?: AugmentSettings;
}

export interface TrainHooks {
  onEpoch?(report: EpochReport): void;
  /** Awaited between steps: where a pause waits and a stop throws. */
  between?(): Promise<void>;
  /** Asked after each epoch but the last: true ends training there (early stopping). */
  stopAfter?(report: EpochReport): boolean;
}

const EVAL_BATCH = 256;

export function batchTensors(split: Split, input: InputShape, indices: ArrayLike<number>, classes: number): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const size = input.height * input.width * input.channels;
  const xs = new Float32Array(indices.length * size);
  const ys = new Int32Array(indices.length);
  for (let b = 0; b < indices.length; b++) {
    const i = indices[b]!;
    xs.set(split.x.subarray(i * size, (i + 1) * size), b * size);
    ys[b] = split.y[i]!;
  }
  return tf.tidy(() => ({
    x: tf.tensor4d(xs, [indices.length, input.height, input.width, input.channels]),
    y: tf.oneHot(tf.tensor1d(ys, 'int32'), classes) as tf.Tensor2D,
  }));
}

/** A training batch, augmented (with soft labels) when the settings ask for it and the examples are images. */
export function trainingBatch(
  split: Split,
  input: InputShape,
  indices: ArrayLike<number>,
  classes: number,
  augment: AugmentSettings | undefined,
  rng: Rng,
): { x: tf.Tensor4D; y: tf.Tensor2D } {
  if (!augment || !augmenting(augment) || input.height < 2 || input.width < 2) return batchTensors(split, input, indices, classes);
  const size = input.height * input.width * input.channels;
  const xs = new Float32Array(indices.length * size);
  const ys = new Int32Array(indices.length);
  for (let b = 0; b < indices.length; b++) {
    xs.set(split.x.subarray(indices[b]! * size, (indices[b]! + 1) * size), b * size);
    ys[b] = split.y[indices[b]!]!;
  }
  const out = augmentBatch(xs, ys, indices.length, input, classes, augment, rng);
  return { x: tf.tensor4d(out.x, [indices.length, input.height, input.width, input.channels]), y: tf.tensor2d(out.y, [indices.length, classes]) };
}

/** Validation accuracy with batch-norm in inference mode. */
export function evaluateAccuracy(net: Network, data: TrainData): Promise<number> {
  return splitAccuracy(net, data, data.val);
}

/** Accuracy on any split of `data` (validation, or the held-out test), batch-norm in inference mode. */
export async function splitAccuracy(net: Network, data: Pick<TrainData, 'input' | 'classes'>, split: Split): Promise<number> {
  let correct = 0;
  for (let start = 0; start < split.n; start += EVAL_BATCH) {
    const idx = Array.from({ length: Math.min(EVAL_BATCH, split.n - start) }, (_, k) => start + k);
    const { x, y } = batchTensors(split, data.input, idx, data.classes);
    const hits = tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(net.apply(x, false), 1), tf.argMax(y, 1)), 'int32')));
    correct += (await hits.data())[0]!;
    tf.dispose([x, y, hits]);
  }
  return split.n === 0 ? 0 : correct / split.n;
}

/** Trains with seeded shuffling and a cosine schedule; returns the per-epoch curve. */
export async function train(net: Network, data: TrainData, settings: TrainSettings, rng: Rng, hooks: TrainHooks = {}): Promise<EpochReport[]> {
  const optimizer = new Optimizer(settings.optimizer, net.ctx.trainable, settings.weightDecay);
  const stepsPerEpoch = Math.ceil(data.train.n / settings.batchSize);
  const totalSteps = stepsPerEpoch * settings.epochs;
  const curve: EpochReport[] = [];
  const order = Array.from({ length: data.train.n }, (_, i) => i);
  const augmentRng = rng.fork('augment');
  let step = 0;
  // Each step's loss stays on the device until the epoch ends: reading it back every step made a
  // GPU wait for its queue to drain before the next batch could be sent.
  const losses: tf.Scalar[] = [];
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      rng.shuffle(order);
      const sizes: number[] = [];
      for (let s = 0; s < stepsPerEpoch; s++) {
        await hooks.between?.();
        const idx = order.slice(s * settings.batchSize, (s + 1) * settings.batchSize);
        const { x, y } = trainingBatch(data.train, data.input, idx, data.classes, settings.augment, augmentRng);
        const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, net.apply(x, true)) as tf.Scalar, net.ctx.trainable);
        optimizer.apply(grads, cosineRate(settings.learningRate, step, totalSteps));
        step += 1;
        losses.push(value);
        sizes.push(idx.length);
        tf.dispose([x, y, ...Object.values(grads)]);
      }
      // One read for the epoch, summed in the same order and precision as step by step.
      const values = losses.length ? await readAll(losses) : new Float32Array(0);
      tf.dispose(losses.splice(0));
      let lossSum = 0;
      for (let i = 0; i < sizes.length; i++) lossSum += values[i]! * sizes[i]!;
      const report = { epoch, loss: lossSum / data.train.n, valAccuracy: await evaluateAccuracy(net, data) };
      curve.push(report);
      hooks.onEpoch?.(report);
      if (epoch < settings.epochs && hooks.stopAfter?.(report)) break;
    }
  } finally {
    tf.dispose(losses);
    optimizer.dispose();
  }
  return curve;
}

async function readAll(scalars: tf.Scalar[]): Promise<Float32Array> {
  const stacked = tf.stack(scalars);
  try {
    return (await stacked.data()) as Float32Array;
  } finally {
    stacked.dispose();
  }
}
