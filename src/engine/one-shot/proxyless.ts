import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../../core/rng';
import { timeForward } from '../../nn/latency';
import { pathChooser, type ChooseEdge } from '../../nn/supernet/index';
import { crossEntropy, disposeBatch, type BatchStream } from './common';
import { latencyLoss, uniformLatency } from './latency-term';
import { AlphaMethod } from './darts';
import type { ArchView, MethodState } from './method';

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

/** log Σ exp over a few entries of `row`, stable for large ones. */
function logSumExp(values: readonly number[]): number {
  const top = Math.max(...values);
  return top + Math.log(values.reduce((s, v) => s + Math.exp(v - top), 0));
}

/**
 * ProxylessNAS's rule after an α step (Cai et al. 2019, §3.2.1, and `rescale_updated_arch_param` in
 * its code): the α of each edge's sampled pair are shifted by one offset so that Σ exp(α) over the
 * pair is what it was before the step. The pair's shares trade places between themselves; every op
 * that was not sampled keeps its softmax probability. `after` ([edge][op], flat) is changed in place.
 */
export function rescaleSampled(before: Float32Array, after: Float32Array, ops: number, pairs: ReadonlyArray<{ ops: readonly number[] }>): void {
  pairs.forEach((pair, edge) => {
    const at = pair.ops.map((k) => edge * ops + k);
    const offset = logSumExp(at.map((i) => after[i]!)) - logSumExp(at.map((i) => before[i]!));
    for (const i of at) after[i] = after[i]! - offset;
  });
}

/**
 * ProxylessNAS (Cai et al. 2019): weight steps run one path sampled from softmax(α) per edge; α
 * steps sample two ops per edge and make one of them active with binary gates whose gradient is
 * BinaryConnect's, ∂L/∂αᵢ = Σⱼ ∂L/∂gⱼ pⱼ(δᵢⱼ − pᵢ), over the two, and after the step the pair is
 * rescaled so the ops not sampled keep their probabilities (rescaleSampled). An optional term adds the
 * expected latency Σ p·LAT(op) measured on this device, relative to that of a uniform choice.
 */
export class Proxyless extends AlphaMethod {
  /**
   * As ProxylessNAS's code: no weight decay and no momentum on α, so an op's α moves only in a step
   * that samples it (decay or momentum would move every α, which Adam scales up to a full step).
   */
  protected static override readonly archAdam = { weightDecay: 0, beta1: 0 };
  /** Measured latency per (edge, op), ms; null until measured or when latency is off. */
  latency: number[][] | null = null;
  /** Measured latency of what every network has (stem, head), ms; 0 on cells, whose table is relative. */
  latencyFixed = 0;

  /** The latency E[LAT] is measured against: the setting, or a uniform choice's expectation. */
  latencyTarget(): number {
    const { latencyTarget } = this.setup.settings;
    return latencyTarget > 0 ? latencyTarget : uniformLatency(this.latency ?? [], this.setup.allowed, this.latencyFixed);
  }

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
        // The pair's softmax from its own two α: p_a / (p_a + p_b) without the others, whose gradient is
        // then exactly zero (through the full softmax it is rounding noise, which Adam would scale up to a step).
        const p2 = tf.softmax(tf.stack(pair.ops.map((k) => tf.reshape(tf.slice(this.alpha, [edge, k], [1, 1]), []))));
        // Binary gates: the value is one-hot, the gradient flows as if the gates were p2.
        const offset = tf.tensor1d(pair.values.map((v, j) => (j === pair.active ? 1 : 0) - v));
        const gates = tf.add(p2, offset);
        return { ops: pair.ops, coefs: [0, 1].map((j) => tf.reshape(tf.slice(gates, [j], [1]), [])) };
      };
      const ce = crossEntropy(this.supernet, vb, choose);
      if (!this.latency || lambda === 0) return ce;
      return latencyLoss(ce, probs, this.latency, this.latencyFixed, lambda, this.latencyTarget());
    }, [this.alpha]);
    const before = Float32Array.from(await this.alpha.data());
    this.archOptimizer.apply(grads, this.setup.settings.archLearningRate);
    tf.dispose([value, ...Object.values(grads)]);
    disposeBatch(vb);
    const after = Float32Array.from(await this.alpha.data());
    rescaleSampled(before, after, this.supernet.ops.length, pairs);
    tf.tidy(() => this.alpha.assign(tf.tensor2d(after, this.alpha.shape as [number, number])));
  }

  /** α, with the per-block latency table where the supernet has one (the MnasNet space). */
  override async view(): Promise<ArchView> {
    const view = await super.view();
    if (!this.latency || !this.supernet.latencyTable) return view;
    return { ...view, latency: { ms: this.latency, fixed: this.latencyFixed, target: this.latencyTarget() } };
  }

  /** The latency table, measured once per search (a resumed one keeps the checkpoint's). */
  override async prepare(): Promise<void> {
    // A per-block table (the MnasNet space) is measured even without the term: it is shown with the result.
    if ((this.setup.settings.latencyWeight > 0 || this.supernet.latencyTable) && !this.latency) await this.measureLatency();
  }

  override async save(): Promise<MethodState> {
    return { ...(await super.save()), latency: this.latency, latencyFixed: this.latencyFixed };
  }

  override restore(state: MethodState): void {
    super.restore(state);
    this.latency = state.latency ?? null;
    this.latencyFixed = state.latencyFixed ?? 0;
  }

  /** Latency of each op per edge group: the forward time with every edge of the group on that op, less the time with none. */
  async measureLatency(reps = 7): Promise<void> {
    const { supernet, data } = this.setup;
    if (supernet.latencyTable) {
      const table = await supernet.latencyTable();
      [this.latency, this.latencyFixed] = [table.ms, table.fixed];
      return;
    }
    // The fastest run: on a shared machine other work only ever adds time, so the minimum is the
    // op's own cost (a median of tiny times minus the base's can come out at zero or below).
    const time = (choose: ChooseEdge) =>
      timeForward((x) => supernet.apply(x, false, choose), [1, data.input.height, data.input.width, data.input.channels], reps, 1, 'min');
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
    this.latency = supernet.edges.map((e) => supernet.ops.map((_, k) => perOp.get(`${e.group}/${k}`)!));
  }
}
