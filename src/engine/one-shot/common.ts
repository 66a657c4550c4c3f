import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../../core/rng';
import type { InputShape } from '../../core/space/types';
import type { Optimizer } from '../../nn/optimizer';
import type { ChooseEdge, Supernet } from '../../nn/supernet/index';
import { batchTensors, trainingBatch, type Split, type TrainData } from '../../nn/train';
import type { AugmentSettings } from '../../core/augment';

export interface Batch {
  x: tf.Tensor4D;
  y: tf.Tensor2D;
  n: number;
}

/** Endless minibatches of one split, reshuffled by a seeded stream at every pass. */
export class BatchStream {
  private order: number[];
  private at = 0;

  constructor(
    private readonly split: Split,
    private readonly input: InputShape,
    private readonly classes: number,
    private readonly batchSize: number,
    private readonly rng: Rng,
    /** Training batches only: the experiment's image augmentation. */
    private readonly augment?: AugmentSettings,
  ) {
    this.order = rng.shuffle(Array.from({ length: split.n }, (_, i) => i));
  }

  get stepsPerPass(): number {
    return Math.ceil(this.split.n / this.batchSize);
  }

  next(): Batch {
    if (this.at >= this.order.length) {
      this.rng.shuffle(this.order);
      this.at = 0;
    }
    const idx = this.order.slice(this.at, this.at + this.batchSize);
    this.at += this.batchSize;
    return { ...trainingBatch(this.split, this.input, idx, this.classes, this.augment, this.rng), n: idx.length };
  }
}

export function crossEntropy(net: Supernet, batch: Batch, choose: ChooseEdge, training = true): tf.Scalar {
  return tf.losses.softmaxCrossEntropy(batch.y, net.apply(batch.x, training, choose)) as tf.Scalar;
}

/** Memory held at the end of a forward pass inside a gradient computation: the activations the backward pass keeps. */
export interface StepMemory {
  bytes: number;
  tensors: number;
}

/**
 * One step on the supernet's weights with the given edge choice. The tensor count and bytes live
 * at the end of the forward pass (minus those before it) are recorded: that is the memory the
 * method needs per step, all paths for DARTS, one for a single-path method.
 */
export async function weightStep(
  net: Supernet,
  optimizer: Optimizer,
  learningRate: number,
  batch: Batch,
  choose: ChooseEdge,
): Promise<{ loss: number; memory: StepMemory }> {
  const before = tf.memory();
  let memory: StepMemory = { bytes: 0, tensors: 0 };
  const { value, grads } = tf.variableGrads(() => {
    const loss = crossEntropy(net, batch, choose);
    const now = tf.memory();
    memory = { bytes: now.numBytes - before.numBytes, tensors: now.numTensors - before.numTensors };
    return loss;
  }, net.ctx.trainable);
  optimizer.apply(grads, learningRate);
  const loss = (await value.data())[0]!;
  tf.dispose([value, ...Object.values(grads)]);
  return { loss, memory };
}

/**
 * Validation accuracy with the supernet's weights (batch norm in inference mode) of one path, or of
 * a chooser made afresh for each batch (a mixed op's weights live only as long as one pass).
 */
export async function pathAccuracy(net: Supernet, data: TrainData, choose: ChooseEdge | (() => ChooseEdge), limit = Infinity, fresh = false): Promise<number> {
  const n = Math.min(data.val.n, limit);
  let correct = 0;
  for (let start = 0; start < n; start += 256) {
    const idx = Array.from({ length: Math.min(256, n - start) }, (_, k) => start + k);
    const { x, y } = batchTensors(data.val, data.input, idx, data.classes);
    const hits = tf.tidy(() =>
      tf.sum(tf.cast(tf.equal(tf.argMax(net.apply(x, false, fresh ? (choose as () => ChooseEdge)() : (choose as ChooseEdge)), 1), tf.argMax(y, 1)), 'int32')),
    );
    correct += (await hits.data())[0]!;
    tf.dispose([x, y, hits]);
  }
  return n === 0 ? 0 : correct / n;
}

/** Accuracy on one batch with batch statistics, leaving the running statistics as they are (ENAS's reward). */
export async function batchAccuracy(net: Supernet, batch: Batch, choose: ChooseEdge): Promise<number> {
  const mode = net.ctx.statisticsMode;
  net.ctx.statisticsMode = { kind: 'frozen' };
  try {
    const hits = tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(net.apply(batch.x, true, choose), 1), tf.argMax(batch.y, 1)), 'int32')));
    const correct = (await hits.data())[0]!;
    hits.dispose();
    return correct / batch.n;
  } finally {
    net.ctx.statisticsMode = mode;
  }
}

/**
 * Batch-norm statistics of one path, recomputed as the exact average over `batches` training
 * batches (SPOS): the supernet's running statistics mix every path, so they misjudge any one.
 */
export async function recalibrate(net: Supernet, stream: BatchStream, choose: ChooseEdge, batches: number): Promise<void> {
  const mode = net.ctx.statisticsMode;
  try {
    for (let t = 0; t < batches; t++) {
      net.ctx.statisticsMode = { kind: 'average', batches: t };
      const batch = stream.next();
      tf.tidy(() => {
        net.apply(batch.x, true, choose);
      });
      tf.dispose([batch.x, batch.y]);
    }
  } finally {
    net.ctx.statisticsMode = mode;
  }
}

/** Values of variables, to checkpoint them. */
export async function readVariables(variables: readonly tf.Variable[]): Promise<Float32Array[]> {
  return Promise.all(variables.map(async (v) => (await v.data()) as Float32Array));
}

export function writeVariables(variables: readonly tf.Variable[], values: readonly Float32Array[]): void {
  if (values.length !== variables.length) throw new Error(`The checkpoint holds ${values.length} tensors where this supernet has ${variables.length}.`);
  tf.tidy(() => variables.forEach((v, i) => v.assign(tf.tensor(values[i]!, v.shape))));
}

export function disposeBatch(batch: Batch): void {
  tf.dispose([batch.x, batch.y]);
}
