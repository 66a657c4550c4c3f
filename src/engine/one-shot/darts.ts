import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../../core/rng';
import { Optimizer } from '../../nn/optimizer';
import type { ChooseEdge, EdgeChoice } from '../../nn/supernet/index';
import { crossEntropy, disposeBatch, pathAccuracy, type BatchStream } from './common';
import { OneShotMethod, type ArchView, type MethodSetup, type MethodState } from './method';
import { betaChoice, betaRows, betaTensor, createBeta, type Beta } from './beta';
import { unrolledGradients } from './unrolled';

/** Methods with architecture parameters α, one row per edge: DARTS, P-DARTS, ProxylessNAS. */
export abstract class AlphaMethod extends OneShotMethod {
  /** α's Adam: DARTS's weight decay 1e-3 and momentum 0.9. */
  protected static readonly archAdam = { weightDecay: 1e-3, beta1: 0.9 };
  protected readonly alpha: tf.Variable;
  protected readonly mask: tf.Tensor2D;
  protected readonly archOptimizer: Optimizer;
  /** Auto-DeepLab's β over the supernet's trellis (the resolution space), learnt beside α; null elsewhere. */
  protected readonly beta: Beta | null;

  constructor(setup: MethodSetup) {
    super(setup);
    const { edges, ops } = setup.supernet;
    const rng = this.rng('alpha-init');
    // DARTS starts α at 1e-3 × N(0, 1): all ops nearly equal.
    this.alpha = tf.tidy(() =>
      tf.variable(
        tf.tensor2d(
          Float32Array.from({ length: edges.length * ops.length }, () => 1e-3 * rng.normal()),
          [edges.length, ops.length],
        ),
        true,
      ),
    );
    this.mask = tf.tensor2d(
      setup.allowed.flat().map((a) => (a ? 0 : -1e9)),
      [edges.length, ops.length],
    );
    this.beta = setup.supernet.trellis ? createBeta(setup.supernet.trellis, this.rng('beta-init')) : null;
    const { weightDecay, beta1 } = (this.constructor as typeof AlphaMethod).archAdam;
    this.archOptimizer = new Optimizer('adam', this.archVariables(), weightDecay, beta1);
  }

  /** What the architecture step learns: α, and β where the supernet has a trellis. */
  protected archVariables(): tf.Variable[] {
    return this.beta ? [this.alpha, this.beta.value] : [this.alpha];
  }

  protected probsTensor(): tf.Tensor2D {
    return tf.softmax(tf.add(this.alpha, this.mask)) as tf.Tensor2D;
  }

  /**
   * One probability of `probs` as a differentiable scalar, taken by slicing: unstack's gradient
   * fails when some outputs go unused, and gather's needs a kernel wasm lacks.
   */
  protected static prob(probs: tf.Tensor2D, edge: number, op: number): tf.Scalar {
    return tf.reshape(tf.slice(probs, [edge, op], [1, 1]), []) as tf.Scalar;
  }

  protected async probs(): Promise<number[][]> {
    const p = tf.tidy(() => this.probsTensor());
    const rows = (await p.array()) as number[][];
    p.dispose();
    return rows;
  }

  /**
   * DARTS's mixed op: every allowed op on every edge, weighted by softmax(α). The weights are made
   * on first use, inside the caller's gradient scope, so they are freed with it (and α gets its
   * gradient when the caller asks for one).
   */
  mixed(scale?: (edge: number, op: number) => number): ChooseEdge {
    let probs: tf.Tensor2D | null = null;
    let betaProbs: tf.Tensor2D | null = null;
    const cache = new Map<number, EdgeChoice>();
    return (edge) => {
      let choice = cache.get(edge);
      if (!choice && edge >= this.supernet.edges.length && this.beta) {
        betaProbs ??= betaTensor(this.beta);
        choice = betaChoice(this.beta, betaProbs, edge - this.supernet.edges.length);
        cache.set(edge, choice);
      }
      if (!choice) {
        probs ??= this.probsTensor();
        const ops = this.setup.allowed[edge]!.flatMap((a, k) => (a && this.supernet.ops[k] !== 'none' ? [k] : []));
        const coef = (k: number) => AlphaMethod.prob(probs!, edge, k);
        choice = { ops, coefs: ops.map((k) => (scale ? tf.mul(coef(k), scale(edge, k)) : coef(k))) };
        cache.set(edge, choice);
      }
      return choice;
    };
  }

  async view(): Promise<ArchView> {
    return { kind: 'alpha', probs: await this.probs(), ...(this.beta ? { beta: await betaRows(this.beta) } : {}) };
  }

  override async supernetAccuracy(): Promise<number | null> {
    return pathAccuracy(this.supernet, this.setup.data, () => this.mixed(), Infinity, true);
  }

  async current(_epoch?: number): Promise<unknown> {
    return this.supernet.derive(await this.probs(), this.setup.allowed, this.beta ? await betaRows(this.beta) : undefined);
  }

  override async save(): Promise<MethodState> {
    return {
      ...(await super.save()),
      alpha: (await this.alpha.data()) as Float32Array,
      archOptimizer: await this.archOptimizer.exportState(),
      ...(this.beta ? { beta: (await this.beta.value.data()) as Float32Array } : {}),
    };
  }

  override restore(state: MethodState): void {
    super.restore(state);
    tf.tidy(() => this.alpha.assign(tf.tensor(state.alpha!, this.alpha.shape)));
    if (this.beta && state.beta) tf.tidy(() => this.beta!.value.assign(tf.tensor(state.beta!, this.beta!.value.shape)));
    this.archOptimizer.importState(state.archOptimizer!);
  }

  override dispose(): void {
    super.dispose();
    this.archOptimizer.dispose();
    this.alpha.dispose();
    this.mask.dispose();
    if (this.beta) tf.dispose([this.beta.value, this.beta.mask]);
  }
}

/**
 * DARTS (Liu et al. 2019), and the core of each P-DARTS stage: α on the validation split, weights on the
 * training split, alternately; second order differentiates through one virtual weight step with a
 * finite-difference Hessian-vector product (unrolled.ts).
 */
export class Darts extends AlphaMethod {
  protected weightChoice(_rng: Rng): ChooseEdge {
    return this.mixed();
  }

  protected override async archStep(val: BatchStream, train: BatchStream, _rng: Rng, weightRate: number): Promise<void> {
    const vb = val.next();
    const arch = this.archVariables();
    let grads: tf.Tensor[];
    if (this.setup.settings.order === 1) {
      const result = tf.variableGrads(() => crossEntropy(this.supernet, vb, this.mixed()), arch);
      grads = arch.map((v) => result.grads[v.name]!);
      result.value.dispose();
    } else {
      const tb = train.next();
      grads = await unrolledGradients(this.supernet, arch, () => this.mixed(), vb, tb, weightRate, this.setup.training.weightDecay);
      disposeBatch(tb);
    }
    this.archOptimizer.apply(Object.fromEntries(arch.map((v, i) => [v.name, grads[i]!])), this.setup.settings.archLearningRate);
    tf.dispose(grads);
    disposeBatch(vb);
  }
}
