import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../../core/rng';
import { Optimizer } from '../../nn/optimizer';
import type { ChooseEdge, EdgeChoice } from '../../nn/supernet/index';
import { crossEntropy, disposeBatch, pathAccuracy, type BatchStream } from './common';
import { OneShotMethod, type ArchView, type MethodSetup, type MethodState } from './method';

/** Methods with architecture parameters α, one row per edge: DARTS, P-DARTS, ProxylessNAS. */
export abstract class AlphaMethod extends OneShotMethod {
  protected readonly alpha: tf.Variable;
  protected readonly mask: tf.Tensor2D;
  protected readonly archOptimizer: Optimizer;

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
    this.archOptimizer = new Optimizer('adam', [this.alpha], 1e-3);
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
    const cache = new Map<number, EdgeChoice>();
    return (edge) => {
      let choice = cache.get(edge);
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
    return { kind: 'alpha', probs: await this.probs() };
  }

  override async supernetAccuracy(): Promise<number | null> {
    return pathAccuracy(this.supernet, this.setup.data, () => this.mixed(), Infinity, true);
  }

  async current(_epoch?: number): Promise<unknown> {
    return this.supernet.derive(await this.probs(), this.setup.allowed);
  }

  override async save(): Promise<MethodState> {
    return { ...(await super.save()), alpha: (await this.alpha.data()) as Float32Array, archOptimizer: await this.archOptimizer.exportState() };
  }

  override restore(state: MethodState): void {
    super.restore(state);
    tf.tidy(() => this.alpha.assign(tf.tensor(state.alpha!, this.alpha.shape)));
    this.archOptimizer.importState(state.archOptimizer!);
  }

  override dispose(): void {
    super.dispose();
    this.archOptimizer.dispose();
    this.alpha.dispose();
    this.mask.dispose();
  }
}

/**
 * DARTS (Liu et al. 2019), and the core of each P-DARTS stage: α on the validation split, weights on the
 * training split, alternately; second order differentiates through one virtual weight step with a
 * finite-difference Hessian-vector product.
 */
export class Darts extends AlphaMethod {
  protected weightChoice(_rng: Rng): ChooseEdge {
    return this.mixed();
  }

  protected override async archStep(val: BatchStream, train: BatchStream, _rng: Rng, weightRate: number): Promise<void> {
    const vb = val.next();
    let grad: tf.Tensor;
    if (this.setup.settings.order === 1) {
      const { value, grads } = tf.variableGrads(() => crossEntropy(this.supernet, vb, this.mixed()), [this.alpha]);
      grad = grads[this.alpha.name]!;
      value.dispose();
    } else {
      const tb = train.next();
      grad = await this.unrolledGradient(vb, tb, weightRate);
      disposeBatch(tb);
    }
    this.archOptimizer.apply({ [this.alpha.name]: grad }, this.setup.settings.archLearningRate);
    grad.dispose();
    disposeBatch(vb);
  }

  /**
   * ∇α L_val(w′, α) − ξ ∇²α,w L_train(w, α) ∇w′ L_val(w′, α), with w′ = w − ξ ∇w L_train(w, α), and
   * the second term as (∇α L_train(w⁺) − ∇α L_train(w⁻)) / 2ε, w± = w ± ε ∇w′ L_val, ε = 0.01 / ‖∇w′ L_val‖.
   */
  private async unrolledGradient(vb: ReturnType<BatchStream['next']>, tb: ReturnType<BatchStream['next']>, xi: number): Promise<tf.Tensor> {
    const weights = this.supernet.ctx.trainable;
    const saved = weights.map((w) => tf.clone(w));
    const restore = () => tf.tidy(() => weights.forEach((w, i) => w.assign(saved[i]!)));
    const wd = this.setup.training.weightDecay;
    try {
      const train = tf.variableGrads(() => crossEntropy(this.supernet, tb, this.mixed()), weights);
      tf.tidy(() =>
        weights.forEach((w) => {
          const g = train.grads[w.name];
          if (g) w.assign(tf.sub(w, tf.mul(tf.add(g, tf.mul(w, w.rank > 1 ? wd : 0)), xi)));
        }),
      );
      tf.dispose([train.value, ...Object.values(train.grads)]);
      const valGrads = tf.variableGrads(() => crossEntropy(this.supernet, vb, this.mixed()), [this.alpha, ...weights]);
      restore();
      const dAlpha = valGrads.grads[this.alpha.name]!;
      const dW = weights.map((w) => valGrads.grads[w.name] ?? null);
      // Read back asynchronously: a synchronous read stalls (or fails) on WebGPU.
      const squares = tf.tidy(() => tf.addN(dW.flatMap((g) => (g ? [tf.sum(tf.square(g))] : [])).concat(tf.scalar(0))));
      const norm = Math.sqrt((await squares.data())[0]!);
      squares.dispose();
      const eps = 0.01 / Math.max(norm, 1e-12);
      const alphaGradAt = (sign: number): tf.Tensor => {
        tf.tidy(() => weights.forEach((w, i) => dW[i] && w.assign(tf.add(saved[i]!, tf.mul(dW[i]!, sign * eps)))));
        const { value, grads } = tf.variableGrads(() => crossEntropy(this.supernet, tb, this.mixed()), [this.alpha]);
        value.dispose();
        return grads[this.alpha.name]!;
      };
      const plus = alphaGradAt(1);
      const minus = alphaGradAt(-1);
      restore();
      const grad = tf.tidy(() => tf.sub(dAlpha, tf.mul(tf.sub(plus, minus), xi / (2 * eps))));
      tf.dispose([plus, minus, valGrads.value, ...Object.values(valGrads.grads)]);
      return grad;
    } finally {
      tf.dispose(saved);
    }
  }
}
