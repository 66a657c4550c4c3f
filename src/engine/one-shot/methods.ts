import * as tf from '@tensorflow/tfjs-core';
import type { OneShotId, OneShotSettings } from '../../core/one-shot';
import { createRng, type Rng } from '../../core/rng';
import type { SearchSpace } from '../../core/space/types';
import type { StrategyState } from '../../core/strategy/index';
import { ReinforceLstm } from '../../core/strategy/reinforce-lstm';
import { cosineRate, Optimizer, type OptimizerState } from '../../nn/optimizer';
import { pathChooser, type ChooseEdge, type EdgeChoice, type Supernet } from '../../nn/supernet/index';
import type { TrainData, TrainSettings } from '../../nn/train';
import { batchAccuracy, BatchStream, crossEntropy, disposeBatch, pathAccuracy, readVariables, recalibrate, weightStep, writeVariables, type StepMemory } from './common';

export interface MethodSetup {
  id: OneShotId;
  space: SearchSpace;
  supernet: Supernet;
  data: TrainData;
  training: TrainSettings;
  settings: OneShotSettings;
  seed: number;
  /** P-DARTS stage (0 otherwise): streams are forked per stage so stages differ. */
  stage: number;
  /** Ops still in play per edge (P-DARTS prunes them between stages). */
  allowed: boolean[][];
  /** P-DARTS: drop probability of skip connections in this stage. */
  skipDropout: number;
  /** Awaited between steps: where a pause waits and a stop throws. */
  between(): Promise<void>;
  /** Called a few times per epoch, to show α as it moves. */
  progress(epoch: number): void;
}

/** Per-edge op probabilities: α's softmax (`alpha`), or how often a controller samples each op (`frequency`). */
export interface ArchView {
  kind: 'alpha' | 'frequency';
  probs: number[][];
}

export interface MethodState {
  weights: Float32Array[];
  optimizer: OptimizerState;
  alpha?: Float32Array;
  archOptimizer?: OptimizerState;
  /** ProxylessNAS: the latency table measured at the start, kept so a resumed search optimises the same objective. */
  latency?: number[][] | null;
  controller?: StrategyState;
}

export interface EpochResult {
  loss: number;
  memory: StepMemory;
}

const CALIBRATION_BATCHES = 8;

/** The shared part: the supernet's weights, their optimiser and schedule, scoring and checkpoints. */
export abstract class OneShotMethod {
  protected readonly optimizer: Optimizer;
  protected readonly steps: number;
  readonly supernet: Supernet;

  constructor(protected readonly setup: MethodSetup) {
    this.supernet = setup.supernet;
    this.optimizer = new Optimizer(setup.training.optimizer, setup.supernet.ctx.trainable, setup.training.weightDecay);
    this.steps = Math.ceil(setup.data.train.n / setup.training.batchSize);
  }

  protected rng(name: string): Rng {
    return createRng(this.setup.seed).fork(`one-shot/${this.setup.stage}/${name}`);
  }

  protected streams(epoch: number): { train: BatchStream; val: BatchStream } {
    const { data, training } = this.setup;
    return {
      train: new BatchStream(data.train, data.input, data.classes, training.batchSize, this.rng(`train-${epoch}`), training.augment),
      val: new BatchStream(data.val, data.input, data.classes, training.batchSize, this.rng(`val-${epoch}`)),
    };
  }

  protected learningRate(epoch: number, step: number): number {
    return cosineRate(this.setup.training.learningRate, (epoch - 1) * this.steps + step, this.steps * this.setup.settings.epochs);
  }

  protected archActive(epoch: number): boolean {
    return epoch > this.setup.settings.warmup;
  }

  /** Trains one epoch: shared weights, and the architecture when the method learns one. */
  async trainEpoch(epoch: number): Promise<EpochResult> {
    const { train, val } = this.streams(epoch);
    const rng = this.rng(`sample-${epoch}`);
    let lossSum = 0;
    let seen = 0;
    let memory: StepMemory = { bytes: 0, tensors: 0 };
    const every = Math.max(1, Math.floor(this.steps / 4));
    for (let s = 0; s < this.steps; s++) {
      await this.setup.between();
      if (this.archActive(epoch)) await this.archStep(val, train, rng, this.learningRate(epoch, s));
      const choice = await this.weightChoice(rng);
      const batch = train.next();
      const step = await weightStep(this.supernet, this.optimizer, this.learningRate(epoch, s), batch, choice);
      disposeBatch(batch);
      lossSum += step.loss * batch.n;
      seen += batch.n;
      if (step.memory.bytes > memory.bytes) memory = step.memory;
      if ((s + 1) % every === 0 && s + 1 < this.steps) this.setup.progress(epoch - 1 + (s + 1) / this.steps);
    }
    await this.afterEpoch(epoch, val);
    return { loss: lossSum / Math.max(seen, 1), memory };
  }

  /** The edge choice of one weight step. */
  protected abstract weightChoice(rng: Rng): ChooseEdge | Promise<ChooseEdge>;
  protected async archStep(_val: BatchStream, _train: BatchStream, _rng: Rng, _weightRate: number): Promise<void> {}
  protected async afterEpoch(_epoch: number, _val: BatchStream): Promise<void> {}
  abstract view(): Promise<ArchView | null>;
  /** Validation accuracy of the whole supernet as it is trained (DARTS's mixed ops), where that means something. */
  async supernetAccuracy(): Promise<number | null> {
    return null;
  }
  /** The genotype the method would return now. */
  abstract current(epoch: number): Promise<unknown>;

  /** A genotype's validation accuracy with inherited weights (after recalibrating batch norm when asked). */
  async score(genotype: unknown, epoch: number): Promise<number> {
    const choose = pathChooser(this.supernet.pathOf(genotype));
    if (this.setup.settings.recalibrate) {
      const { data, training } = this.setup;
      const stream = new BatchStream(data.train, data.input, data.classes, training.batchSize, this.rng(`calibrate-${epoch}`));
      await recalibrate(this.supernet, stream, choose, Math.min(CALIBRATION_BATCHES, stream.stepsPerPass));
    }
    return pathAccuracy(this.supernet, this.setup.data, choose);
  }

  async save(): Promise<MethodState> {
    const ctx = this.supernet.ctx;
    return { weights: await readVariables([...ctx.trainable, ...ctx.statistics]), optimizer: await this.optimizer.exportState() };
  }

  restore(state: MethodState): void {
    const ctx = this.supernet.ctx;
    writeVariables([...ctx.trainable, ...ctx.statistics], state.weights);
    this.optimizer.importState(state.optimizer);
  }

  dispose(): void {
    this.optimizer.dispose();
  }
}

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

/** Methods with architecture parameters α, one row per edge: DARTS, P-DARTS, ProxylessNAS. */
abstract class AlphaMethod extends OneShotMethod {
  protected readonly alpha: tf.Variable;
  protected readonly mask: tf.Tensor2D;
  protected readonly archOptimizer: Optimizer;

  constructor(setup: MethodSetup) {
    super(setup);
    const { edges, ops } = setup.supernet;
    const rng = this.rng('alpha-init');
    // DARTS starts α at 1e-3 × N(0, 1): all ops nearly equal.
    this.alpha = tf.tidy(() => tf.variable(tf.tensor2d(Float32Array.from({ length: edges.length * ops.length }, () => 1e-3 * rng.normal()), [edges.length, ops.length]), true));
    this.mask = tf.tensor2d(setup.allowed.flat().map((a) => (a ? 0 : -1e9)), [edges.length, ops.length]);
    this.archOptimizer = new Optimizer('adam', [this.alpha], 1e-3);
  }

  protected probsTensor(): tf.Tensor2D {
    return tf.softmax(tf.add(this.alpha, this.mask)) as tf.Tensor2D;
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
        // Slices rather than unstack: unstack's gradient fails when some outputs go unused.
        const coef = (k: number) => tf.reshape(tf.slice(probs!, [edge, k], [1, 1]), []);
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

  async current(): Promise<unknown> {
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
 * DARTS (Liu et al. 2019), and each stage of P-DARTS: α on the validation split, weights on the
 * training split, alternately; second order differentiates through one virtual weight step with a
 * finite-difference Hessian-vector product.
 */
export class Darts extends AlphaMethod {
  private skip = this.supernet.ops.indexOf('skip_connect');

  protected weightChoice(rng: Rng): ChooseEdge {
    const p = this.setup.skipDropout;
    // P-DARTS's dropout on skip connections, per edge and step (path dropout with rescaling).
    const drops = p > 0 ? this.supernet.edges.map(() => rng.next() < p) : null;
    return this.mixed(drops ? (edge, op) => (op === this.skip ? (drops[edge] ? 0 : 1 / (1 - p)) : 1) : undefined);
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
      tf.tidy(() => weights.forEach((w) => {
        const g = train.grads[w.name];
        if (g) w.assign(tf.sub(w, tf.mul(tf.add(g, tf.mul(w, w.rank > 1 ? wd : 0)), xi)));
      }));
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
        // Slices rather than gather, whose gradient wasm lacks.
        const picked = tf.concat(pair.ops.map((k) => tf.reshape(tf.slice(probs, [edge, k], [1, 1]), [1])));
        const p2 = tf.div(picked, tf.sum(picked));
        // Binary gates: the value is one-hot, the gradient flows as if the gates were p2.
        const offset = tf.tensor1d(pair.values.map((v, j) => (j === pair.active ? 1 : 0) - v));
        const gates = tf.add(p2, offset);
        return { ops: pair.ops, coefs: [0, 1].map((j) => tf.reshape(tf.slice(gates, [j], [1]), [])) };
      };
      const ce = crossEntropy(this.supernet, vb, choose);
      if (!this.latency || lambda === 0) return ce;
      const lat = tf.tensor2d(this.latency);
      const uniform = this.latency.reduce((s, row, e) => s + row.reduce((t, v, k) => t + (this.setup.allowed[e]![k] ? v : 0), 0) / this.setup.allowed[e]!.filter(Boolean).length, 0);
      return tf.add(ce, tf.mul(tf.div(tf.sum(tf.mul(probs, lat)), Math.max(uniform, 1e-9)), lambda)) as tf.Scalar;
    }, [this.alpha]);
    this.archOptimizer.apply(grads, this.setup.settings.archLearningRate);
    tf.dispose([value, ...Object.values(grads)]);
    disposeBatch(vb);
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

/** Picks the best of a few sampled genotypes by accuracy on one validation batch (batch statistics). */
async function bestOfSamples(method: OneShotMethod, sample: () => unknown, count: number, val: BatchStream): Promise<unknown> {
  const batch = val.next();
  let best: { g: unknown; acc: number } | null = null;
  for (let i = 0; i < count; i++) {
    const g = sample();
    const acc = await batchAccuracy(method.supernet, batch, pathChooser(method.supernet.pathOf(g)));
    if (!best || acc > best.acc) best = { g, acc };
  }
  disposeBatch(batch);
  return best!.g;
}

/** SPOS (Guo et al. 2020): one uniformly sampled path per step; the search over paths comes after training. */
export class Spos extends OneShotMethod {
  protected weightChoice(rng: Rng): ChooseEdge {
    return pathChooser(this.supernet.pathOf(this.setup.space.sample(rng)));
  }

  async view(): Promise<ArchView | null> {
    return null;
  }

  async current(epoch: number): Promise<unknown> {
    const rng = this.rng(`probe-${epoch}`);
    return bestOfSamples(this, () => this.setup.space.sample(rng), 4, this.streams(epoch).val);
  }
}

/**
 * ENAS (Pham et al. 2018): the LSTM controller samples the path of every weight step; after each
 * epoch's weight steps it is trained by REINFORCE (moving-average baseline, entropy bonus) on the
 * accuracy of its samples on validation batches, with the shared weights.
 */
export class Enas extends OneShotMethod {
  controller: ReinforceLstm;

  constructor(setup: MethodSetup) {
    super(setup);
    this.controller = new ReinforceLstm(setup.space, setup.seed, { learningRate: setup.settings.archLearningRate });
  }

  protected weightChoice(): ChooseEdge {
    return pathChooser(this.supernet.pathOf(this.controller.ask().genotype));
  }

  protected override async afterEpoch(epoch: number, val: BatchStream): Promise<void> {
    if (!this.archActive(epoch)) return;
    const steps = Math.max(10, Math.ceil(this.steps / 2));
    for (let s = 0; s < steps; s++) {
      await this.setup.between();
      const proposal = this.controller.ask();
      const batch = val.next();
      const reward = await batchAccuracy(this.supernet, batch, pathChooser(this.supernet.pathOf(proposal.genotype)));
      disposeBatch(batch);
      this.controller.tell({ index: s, genotype: proposal.genotype, encoded: proposal.encoded, reward });
    }
  }

  /** A copy of the controller with its own sampling stream, so looking does not change the search. */
  sampler(name: string): ReinforceLstm {
    return new ReinforceLstm(this.setup.space, this.setup.seed, { learningRate: this.setup.settings.archLearningRate }, { ...this.controller.state(), rng: this.rng(name).state() });
  }

  async view(): Promise<ArchView> {
    const probe = this.sampler('view');
    const { edges, ops } = this.supernet;
    const counts = edges.map(() => new Array<number>(ops.length).fill(0));
    const samples = 200;
    for (let i = 0; i < samples; i++) {
      const path = this.supernet.pathOf(probe.ask().genotype);
      path.forEach((used, e) => {
        if (used.length === 0) counts[e]![0]! += 1;
        for (const k of used) counts[e]![k]! += 1 / used.length;
      });
    }
    return { kind: 'frequency', probs: counts.map((row) => row.map((c) => c / samples)) };
  }

  async current(epoch: number): Promise<unknown> {
    const probe = this.sampler(`probe-${epoch}`);
    return bestOfSamples(this, () => probe.ask().genotype, 4, this.streams(epoch).val);
  }

  override async save(): Promise<MethodState> {
    return { ...(await super.save()), controller: this.controller.state() };
  }

  override restore(state: MethodState): void {
    super.restore(state);
    this.controller = new ReinforceLstm(this.setup.space, this.setup.seed, { learningRate: this.setup.settings.archLearningRate }, state.controller);
  }
}

export function createMethod(setup: MethodSetup): OneShotMethod {
  switch (setup.id) {
    case 'darts':
    case 'pdarts':
      return new Darts(setup);
    case 'proxyless':
      return new Proxyless(setup);
    case 'spos':
      return new Spos(setup);
    case 'enas':
      return new Enas(setup);
  }
}
