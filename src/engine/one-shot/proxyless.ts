import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../../core/rng';
import { pathChooser, type ChooseEdge } from '../../nn/supernet/index';
import { crossEntropy, disposeBatch, type BatchStream } from './common';
import { AlphaMethod } from './darts';
import type { MethodState } from './method';

/** Samples an index from probabilities restricted to `allowed`, optionally excluding one. */
function sampleAllowed(p: readonly number[], allowed: readonly boolean[], rng: Rng, exclude = -1): number {
  let total = 0;
  p.forEach((v, k) => (total += allowed[k] && k !== exclude ? v : 0));
  let u = rng.next() * total;
  let last = -1;
  for (let k = 0; k < p.length; k++) {
    if (!allowed[k] || k === exclude) continue;
    last = k;
    u -= p[k]!;
    if (u < 0) return k;
  }
  return last;
}

/**
 * ProxylessNAS (Cai et al. 2019): weight steps run one path sampled from softmax(α) per edge; α
 * steps sample two ops per edge and make one of them active with binary gates whose gradient is
 * BinaryConnect's, ∂L/∂αᵢ = Σⱼ ∂L/∂gⱼ pⱼ(δᵢⱼ − pᵢ), over the two. An optional term adds the
 * expected latency Σ p·LAT(op) measured on this device, relative to that of a uniform choice.
 */
export class Proxyless extends AlphaMethod {
  /** Measured latency per (edge, op), ms; null until measured or when latency is off. */
  latency: number[][] | null = null;

  /** One op per edge, sampled from softmax(α): the only path a weight step computes and keeps in memory. */
  async samplePath(rng: Rng): Promise<number[][]> {
    const probs = await this.probs();
    return probs.map((p, e) => [sampleAllowed(p, this.setup.allowed[e]!, rng)]);
  }

  protected async weightChoice(rng: Rng): Promise<ChooseEdge> {
    return pathChooser(await this.samplePath(rng));
  }

  protected override async archStep(val: BatchStream, _train: BatchStream, rng: Rng): Promise<void> {
    const p = await this.probs();
    const pairs = p.map((row, e) => {
      const allowed = this.setup.allowed[e]!;
      const a = sampleAllowed(row, allowed, rng);
      const b = allowed.filter(Boolean).length > 1 ? sampleAllowed(row, allowed, rng, a) : a;
      const active = rng.next() * (row[a]! + row[b]!) < row[a]! ? 0 : 1;
      return { ops: a === b ? [a] : [a, b], active, values: [row[a]! / (row[a]! + row[b]!), row[b]! / (row[a]! + row[b]!)] };
    });
    const vb = val.next();
    const lambda = this.setup.settings.latencyWeight;
    const { value, grads } = tf.variableGrads(() => {
      const probs = this.probsTensor();
      const choose: ChooseEdge = (edge) => {
        const pair = pairs[edge]!;
        if (pair.ops.length === 1) return { ops: pair.ops };
        const picked = tf.stack(pair.ops.map((k) => AlphaMethod.prob(probs, edge, k)));
        const p2 = tf.div(picked, tf.sum(picked));
        // Binary gates: the value is one-hot, the gradient flows as if the gates were p2.
        const offset = tf.tensor1d(pair.values.map((v, j) => (j === pair.active ? 1 : 0) - v));
        const gates = tf.add(p2, offset);
        return { ops: pair.ops, coefs: [0, 1].map((j) => tf.reshape(tf.slice(gates, [j], [1]), [])) };
      };
      const ce = crossEntropy(this.supernet, vb, choose);
      if (!this.latency || lambda === 0) return ce;
      const lat = tf.tensor2d(this.latency);
      const uniform = this.latency.reduce(
        (s, row, e) => s + row.reduce((t, v, k) => t + (this.setup.allowed[e]![k] ? v : 0), 0) / this.setup.allowed[e]!.filter(Boolean).length,
        0,
      );
      return tf.add(ce, tf.mul(tf.div(tf.sum(tf.mul(probs, lat)), Math.max(uniform, 1e-9)), lambda)) as tf.Scalar;
    }, [this.alpha]);
    this.archOptimizer.apply(grads, this.setup.settings.archLearningRate);
    tf.dispose([value, ...Object.values(grads)]);
    disposeBatch(vb);
  }

  /** The latency table, measured once per search (a resumed one keeps the checkpoint's). */
  override async prepare(): Promise<void> {
    if (this.setup.settings.latencyWeight > 0 && !this.latency) await this.measureLatency();
  }

  override async save(): Promise<MethodState> {
    return { ...(await super.save()), latency: this.latency };
  }

  override restore(state: MethodState): void {
    super.restore(state);
    this.latency = state.latency ?? null;
  }

  /** Latency of each op per edge group: the forward time with every edge of the group on that op, less the time with none. */
  async measureLatency(reps = 5): Promise<void> {
    const { supernet, data } = this.setup;
    const x = tf.zeros([1, data.input.height, data.input.width, data.input.channels]) as tf.Tensor4D;
    const time = async (choose: ChooseEdge) => {
      const runs: number[] = [];
      for (let r = 0; r < reps + 1; r++) {
        const start = performance.now();
        const y = tf.tidy(() => supernet.apply(x, false, choose));
        await y.data();
        y.dispose();
        if (r > 0) runs.push(performance.now() - start);
      }
      runs.sort((a, b) => a - b);
      return runs[Math.floor(runs.length / 2)]!;
    };
    const groups = [...new Set(supernet.edges.map((e) => e.group))];
    const base = await time(() => ({ ops: [] }));
    const perOp = new Map<string, number>();
    for (const group of groups) {
      const count = supernet.edges.filter((e) => e.group === group).length;
      for (let k = 0; k < supernet.ops.length; k++) {
        const t = await time((edge) => ({ ops: supernet.edges[edge]!.group === group ? [k] : [] }));
        perOp.set(`${group}/${k}`, Math.max(0, t - base) / count);
      }
    }
    x.dispose();
    this.latency = supernet.edges.map((e) => supernet.ops.map((_, k) => perOp.get(`${e.group}/${k}`)!));
  }
}
