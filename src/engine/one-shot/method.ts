import type { LatencyView } from '../../contracts/events';
import type { OneShotId, OneShotSettings } from '../../core/one-shot';
import { createRng, type Rng } from '../../core/rng';
import type { SearchSpace } from '../../core/space/types';
import type { StrategyId, StrategyState } from '../../core/strategy/index';
import type { Proposal, Strategy } from '../../core/strategy/types';
import { cosineRate, Optimizer, type OptimizerState } from '../../nn/optimizer';
import { pathChooser, type ChooseEdge, type Supernet } from '../../nn/supernet/index';
import type { TrainData, TrainSettings } from '../../nn/train';
import { showsAlpha } from './progress';
import { BatchStream, disposeBatch, pathAccuracy, readVariables, recalibrate, weightStep, writeVariables, type StepMemory } from './common';

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
  /** Drop probability of skip connections in this stage (P-DARTS's schedule; 0 for the others). */
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
  /** Auto-DeepLab's β (resolution space): per trellis row, the probabilities of the moves up, stay, down. */
  beta?: number[][];
  /** ProxylessNAS's per-block latency table, where it has one. */
  latency?: LatencyView;
}

export interface MethodState {
  weights: Float32Array[];
  optimizer: OptimizerState;
  alpha?: Float32Array;
  beta?: Float32Array;
  archOptimizer?: OptimizerState;
  /** ProxylessNAS: the latency table measured at the start, kept so a resumed search optimises the same objective. */
  latency?: number[][] | null;
  /** ProxylessNAS on the MnasNet space: the stem and head's latency, added to the table's. */
  latencyFixed?: number;
  controller?: StrategyState;
}

export interface EpochResult {
  loss: number;
  memory: StepMemory;
}

/** What the loop needs of a method before it builds a stage's supernet. */
export interface MethodPlan {
  /** Supernets trained one after another (P-DARTS grows them; the others train one). */
  stages: number;
  /** Cells per stage that stage `s`'s supernet has beyond the space's own. */
  extraCells(stage: number): number;
  /** Drop probability of skip connections in stage `s`. */
  skipDropout(stage: number): number;
  /** After training, candidates are ranked with the shared weights (SPOS, ENAS): `budget` more trials. */
  ranksPaths: boolean;
}

export const ONE_STAGE: MethodPlan = { stages: 1, extraCells: () => 0, skipDropout: () => 0, ranksPaths: false };

/** How SPOS and ENAS end: a source of candidates to score with the shared weights. */
export interface PathRanking {
  strategy: Strategy;
  /** Whether the source learns from the scores (a search over paths) or only samples (a trained controller). */
  learns: boolean;
  origin(proposal: Proposal): string;
}

/** Where the next stage starts: the ops still allowed per edge, and what to tell the user. */
export interface NextStage {
  allowed: boolean[][];
  message: string;
}

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
    const firstLearning = epoch === this.setup.settings.warmup + 1;
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
      if (showsAlpha(s + 1, this.steps, firstLearning)) this.setup.progress(epoch - 1 + (s + 1) / this.steps);
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
  /** The genotype the method would return now (P-DARTS applies its final rule after the last epoch). */
  abstract current(epoch: number): Promise<unknown>;

  /** Where an epoch's trial comes from, for the trial table. */
  origin(epoch: number): string {
    return `derived from α after epoch ${epoch}`;
  }

  /** Work before the first epoch (and again after a resume): ProxylessNAS measures latency. */
  async prepare(): Promise<void> {}

  /** The candidates to rank with the shared weights after training, for methods whose plan ranks paths. */
  pathRanking(_search: StrategyId, _strategy: () => Strategy): PathRanking | null {
    return null;
  }

  /** The next stage's starting point, for methods with stages; `cellsPerStage` is this stage's depth. */
  nextStage(_view: ArchView | null, _cellsPerStage: number): NextStage | null {
    return null;
  }

  /** A genotype's validation accuracy with inherited weights (after recalibrating batch norm when asked). */
  async score(genotype: unknown, epoch: number): Promise<number> {
    return pathAccuracy(this.supernet, this.setup.data, await this.calibrated(genotype, `calibrate-${epoch}`));
  }

  /**
   * A candidate's score in a ranking over paths. With `finetuneSteps`, its own path first trains
   * that many steps from the shared weights (weight inheritance, then fine-tuning, as Once-for-All
   * treats the networks it extracts), and the supernet is put back after, so every candidate starts
   * from the same weights: the supernet alone favours paths that skip its convolutions, and a few
   * steps of a path's own training correct most of that (`npm run bench:weight-sharing`).
   */
  async rankScore(genotype: unknown, epoch: number): Promise<number> {
    if (this.setup.settings.finetuneSteps === 0) return this.score(genotype, epoch);
    const state = await this.save();
    try {
      await this.finetune(genotype);
      return await this.score(genotype, epoch);
    } finally {
      this.restore(state);
    }
  }

  /**
   * Trains `genotype`'s path `finetuneSteps` steps (a cosine schedule from the training rate) and
   * keeps the result: the ranking's winner is fine-tuned again this way, from the same weights and
   * on the same batches (drawn by its encoding), before it is tested and handed out.
   */
  async finetune(genotype: unknown): Promise<void> {
    const steps = this.setup.settings.finetuneSteps;
    const { data, training, space } = this.setup;
    const choose = pathChooser(this.supernet.pathOf(genotype));
    const batches = new BatchStream(data.train, data.input, data.classes, training.batchSize, this.rng(`finetune-${space.encode(genotype)}`), training.augment);
    for (let s = 0; s < steps; s++) {
      await this.setup.between();
      const batch = batches.next();
      try {
        await weightStep(this.supernet, this.optimizer, cosineRate(training.learningRate, s, steps), batch, choose);
      } finally {
        disposeBatch(batch);
      }
    }
  }

  /** The same on the held-out test split, as the returned genotype is reported (null without a test split). */
  async testAccuracy(genotype: unknown): Promise<number | null> {
    const { data } = this.setup;
    if (!data.test?.n) return null;
    return pathAccuracy(this.supernet, { ...data, val: data.test }, await this.calibrated(genotype, 'calibrate-test'));
  }

  private async calibrated(genotype: unknown, stream: string): Promise<ChooseEdge> {
    const choose = pathChooser(this.supernet.pathOf(genotype));
    if (this.setup.settings.recalibrate) {
      const { data, training } = this.setup;
      const batches = new BatchStream(data.train, data.input, data.classes, training.batchSize, this.rng(stream));
      await recalibrate(this.supernet, batches, choose, Math.min(this.setup.settings.calibrationBatches, batches.stepsPerPass));
    }
    return choose;
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
