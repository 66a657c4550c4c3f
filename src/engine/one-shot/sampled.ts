import { pathSampler, type PathSampler } from '../../core/one-shot/path-sampling';
import type { Rng } from '../../core/rng';
import type { StrategyId } from '../../core/strategy/index';
import { ReinforceLstm } from '../../core/strategy/reinforce-lstm';
import type { Strategy } from '../../core/strategy/types';
import { pathChooser, type ChooseEdge } from '../../nn/supernet/index';
import { batchAccuracy, disposeBatch, type BatchStream } from './common';
import { OneShotMethod, type ArchView, type MethodSetup, type MethodState, type PathRanking } from './method';

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
  /** Each epoch's sampling stream with its sampler (fair sampling keeps its group between steps). */
  private sampling: { rng: Rng; next: PathSampler } | null = null;

  protected weightChoice(rng: Rng): ChooseEdge {
    if (this.sampling?.rng !== rng) this.sampling = { rng, next: pathSampler(this.setup.settings.sampling, this.setup.space, rng) };
    return pathChooser(this.supernet.pathOf(this.sampling.next()));
  }

  async view(): Promise<ArchView | null> {
    return null;
  }

  async current(epoch: number): Promise<unknown> {
    const rng = this.rng(`probe-${epoch}`);
    return bestOfSamples(this, () => this.setup.space.sample(rng), 4, this.streams(epoch).val);
  }

  override origin(epoch: number): string {
    return `epoch ${epoch}: best of 4 uniform samples`;
  }

  override pathRanking(search: StrategyId, strategy: () => Strategy): PathRanking {
    return { strategy: strategy(), learns: true, origin: (p) => `${search} over paths: ${p.origin}` };
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
    return new ReinforceLstm(
      this.setup.space,
      this.setup.seed,
      { learningRate: this.setup.settings.archLearningRate },
      { ...this.controller.state(), rng: this.rng(name).state() },
    );
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

  override origin(epoch: number): string {
    return `epoch ${epoch}: best of 4 controller samples`;
  }

  override pathRanking(): PathRanking {
    return { strategy: this.sampler('final'), learns: false, origin: () => 'sampled by the trained controller' };
  }

  override async save(): Promise<MethodState> {
    return { ...(await super.save()), controller: this.controller.state() };
  }

  override restore(state: MethodState): void {
    super.restore(state);
    this.controller = new ReinforceLstm(this.setup.space, this.setup.seed, { learningRate: this.setup.settings.archLearningRate }, state.controller);
  }
}
