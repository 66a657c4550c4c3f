import * as tf from '@tensorflow/tfjs-core';
import { leanStep } from './step-path';

export type OptimizerKind = 'sgd' | 'adam';

/**
 * SGD with momentum and Adam, written out so their state is ours (plain tensors we dispose and
 * could checkpoint) and the learning rate can follow a schedule per step.
 */
export class Optimizer {
  private readonly slots: tf.Variable[][];
  private step = 0;

  constructor(
    private readonly kind: OptimizerKind,
    private readonly variables: readonly tf.Variable[],
    private readonly weightDecay: number,
    /** Adam's first-moment decay (0: no momentum, as ProxylessNAS's α optimiser). */
    private readonly beta1 = 0.9,
  ) {
    const slotCount = kind === 'adam' ? 2 : 1;
    this.slots = variables.map((v) => Array.from({ length: slotCount }, () => tf.tidy(() => tf.variable(tf.zerosLike(v), false))));
  }

  apply(grads: tf.NamedTensorMap, learningRate: number): void {
    this.step += 1;
    const t = this.step;
    tf.tidy(() => {
      if (!leanStep()) return this.updateEach(grads, learningRate, t);
      // All variables at once, as flat vectors (a few kernels a step instead of a few a variable:
      // hundreds for a cell network). Elementwise, so every value rounds as variable by variable.
      const decayed: number[] = [];
      const plain: number[] = [];
      this.variables.forEach((v, i) => {
        if (grads[v.name]) (this.decays(v) ? decayed : plain).push(i);
      });
      this.update(decayed, grads, learningRate, t, this.weightDecay);
      this.update(plain, grads, learningRate, t, 0);
    });
  }

  /** Variable by variable, as before the joined update: kept for the benches' timing of the step before it. */
  private updateEach(grads: tf.NamedTensorMap, learningRate: number, t: number): void {
    this.variables.forEach((v, i) => {
      let g = grads[v.name];
      if (!g) return;
      if (this.decays(v)) g = tf.add(g, tf.mul(v, this.weightDecay));
      const slots = this.slots[i]!;
      if (this.kind === 'sgd') {
        const m = slots[0]!;
        m.assign(tf.add(tf.mul(m, 0.9), g));
        v.assign(tf.sub(v, tf.mul(m, learningRate)));
      } else {
        const [m, s] = slots as [tf.Variable, tf.Variable];
        const b1 = this.beta1;
        const b2 = 0.999;
        m.assign(tf.add(tf.mul(m, b1), tf.mul(g, 1 - b1)));
        s.assign(tf.add(tf.mul(s, b2), tf.mul(tf.square(g), 1 - b2)));
        const stepSize = (learningRate * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
        v.assign(tf.sub(v, tf.mul(tf.div(m, tf.add(tf.sqrt(s), 1e-8)), stepSize)));
      }
    });
  }

  /** L2 weight decay applies to weight matrices and kernels, not to biases or batch-norm parameters. */
  private decays(v: tf.Variable): boolean {
    return this.weightDecay > 0 && v.rank > 1;
  }

  /** One step for the variables at `indices` (all with a gradient), computed on their values joined end to end. */
  private update(indices: number[], grads: tf.NamedTensorMap, learningRate: number, t: number, decay: number): void {
    if (indices.length === 0) return;
    const vars = indices.map((i) => this.variables[i]!);
    const v = joined(vars);
    let g = joined(vars.map((x) => grads[x.name]!));
    if (decay > 0) g = tf.add(g, tf.mul(v, decay));
    if (this.kind === 'sgd') {
      const m = tf.add(tf.mul(joined(indices.map((i) => this.slots[i]![0]!)), 0.9), g);
      assignParts(
        indices.map((i) => this.slots[i]![0]!),
        m,
      );
      assignParts(vars, tf.sub(v, tf.mul(m, learningRate)));
      return;
    }
    const b1 = this.beta1;
    const b2 = 0.999;
    const m = tf.add(tf.mul(joined(indices.map((i) => this.slots[i]![0]!)), b1), tf.mul(g, 1 - b1));
    const s = tf.add(tf.mul(joined(indices.map((i) => this.slots[i]![1]!)), b2), tf.mul(tf.square(g), 1 - b2));
    assignParts(
      indices.map((i) => this.slots[i]![0]!),
      m,
    );
    assignParts(
      indices.map((i) => this.slots[i]![1]!),
      s,
    );
    const stepSize = (learningRate * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
    assignParts(vars, tf.sub(v, tf.mul(tf.div(m, tf.add(tf.sqrt(s), 1e-8)), stepSize)));
  }

  /** Step count and slot values, to checkpoint a run and resume it exactly. */
  async exportState(): Promise<OptimizerState> {
    return { step: this.step, slots: await Promise.all(this.slots.map((s) => Promise.all(s.map(async (v) => (await v.data()) as Float32Array)))) };
  }

  importState(state: OptimizerState): void {
    this.step = state.step;
    tf.tidy(() => this.slots.forEach((s, i) => s.forEach((v, k) => v.assign(tf.tensor(state.slots[i]![k]!, v.shape)))));
  }

  dispose(): void {
    for (const slot of this.slots.flat()) slot.dispose();
  }
}

export interface OptimizerState {
  step: number;
  slots: Float32Array[][];
}

/** Cosine annealing from `base` to 0 over `total` steps. */
export function cosineRate(base: number, step: number, total: number): number {
  return 0.5 * base * (1 + Math.cos((Math.PI * step) / Math.max(total, 1)));
}

/** Tensors' values end to end, as one vector (a single tensor as it is, flattened). */
function joined(tensors: readonly tf.Tensor[]): tf.Tensor {
  // Vectors (biases, batch norm's γ and β: about half a network's variables) need no reshape kernel.
  const flat = tensors.map((x) => (x.rank === 1 ? x : tf.reshape(x, [-1])));
  return flat.length === 1 ? flat[0]! : tf.concat(flat);
}

/** Splits `values` back into the variables' sizes and shapes, in order, and assigns each its part. */
function assignParts(variables: readonly tf.Variable[], values: tf.Tensor): void {
  const parts =
    variables.length === 1
      ? [values]
      : tf.split(
          values,
          variables.map((v) => v.size),
        );
  variables.forEach((v, i) => v.assign(v.rank === 1 ? parts[i]! : tf.reshape(parts[i]!, v.shape)));
}
