/**
 * Does weight sharing rank NAS-Bench-201 cells as training them from scratch does? On the
 * procedural shapes (bench/shapes-data.ts), one run: K cells trained from scratch with S seeds
 * (the mean of the first half is the truth, the mean of the second half sets the ceiling any
 * cheaper ranking can reach), then one SPOS supernet per technique, each changing one thing
 * against plain SPOS, with its Kendall τ and its cost.
 */
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { DEFAULT_ONE_SHOT, type OneShotSettings } from '../src/core/one-shot';
import { createRng, type Rng } from '../src/core/rng';
import { NB201_OPS, Nb201Space, type Nb201Genotype } from '../src/core/space/nb201';
import { kendallTau, spearman } from '../src/core/stats';
import { ScratchEvaluator } from '../src/engine/evaluate/scratch';
import { disposeBatch, weightStep } from '../src/engine/one-shot/common';
import { Spos, type MethodSetup } from '../src/engine/one-shot/methods';
import { cosineRate } from '../src/nn/optimizer';
import { pathChooser, buildSupernet, type ChooseEdge } from '../src/nn/supernet/index';
import type { TrainData, TrainSettings } from '../src/nn/train';

export interface RankOptions {
  K: number;
  epochs: number;
  supernetEpochs: number;
  channels: number;
  data: TrainData;
  training: TrainSettings;
  /** The supernet rows to run, by key (all when absent): the scratch rows alone take most of the time. */
  only?: readonly string[];
  /** From-scratch seeds per cell (even): seeds 1..S/2 averaged are the truth, S/2+1..S the ceiling's other half. */
  seeds: number;
  /** A JSON-lines file of from-scratch results to reuse and extend (none: every cell is trained). */
  cache?: string;
  /** What else decides a from-scratch result (data, training): part of every cache key. */
  task: string;
  /** Train the from-scratch runs last cell first into the cache and stop: a second process filling
   * the same cache meets the first one halfway. */
  fill?: boolean;
  /** Fine-tuning steps per cell in the finetune row: K × steps on top of SPOS's epochs (10 × 40 cells
   * is 400 steps, under 3 of SPOS's 6 epochs of 25 steps). */
  finetuneSteps: number;
}

interface ScratchResult {
  accuracy: number;
  testAccuracy?: number;
  seconds: number;
}

/**
 * From-scratch results by key (cell, trial index, seed, task), kept in a JSON-lines file so that
 * supernet rows can be rerun without retraining. Lines are appended one write each, and the file
 * is read again when it grew, so two processes can fill one cache.
 */
class ScratchCache {
  private readonly results = new Map<string, ScratchResult>();
  private size = -1;

  constructor(private readonly path: string | undefined) {}

  get(key: string): ScratchResult | undefined {
    if (!this.results.has(key)) this.reload();
    return this.results.get(key);
  }

  put(key: string, result: ScratchResult): void {
    this.results.set(key, result);
    if (this.path) appendFileSync(this.path, `${JSON.stringify({ key, ...result })}\n`);
  }

  private reload(): void {
    if (!this.path || !existsSync(this.path) || statSync(this.path).size === this.size) return;
    const text = readFileSync(this.path, 'utf8');
    this.size = Buffer.byteLength(text);
    // A line another process is still writing has no newline yet: skip it until the next read.
    for (const line of text.split('\n').slice(0, -1)) {
      const { key, ...result } = JSON.parse(line) as ScratchResult & { key: string };
      this.results.set(key, result);
    }
  }
}

/** Few-shot (Zhao et al. 2021): a child supernet whose first edge always holds one op. */
class SplitSpos extends Spos {
  constructor(
    setup: MethodSetup,
    private readonly op: number,
  ) {
    super(setup);
  }
  protected override weightChoice(rng: Rng): ChooseEdge {
    const g = this.setup.space.sample(rng) as Nb201Genotype;
    return pathChooser(this.supernet.pathOf({ ops: g.ops.map((o, e) => (e === 0 ? NB201_OPS[this.op]! : o)) }));
  }
}

/**
 * SPOS whose scores come after a short fine-tune of each cell's own path from the shared weights
 * (weight inheritance, then fine-tuning, as Once-for-All does for the networks it extracts): a few
 * steps on a cosine schedule from the training rate, the supernet put back before the next cell.
 */
class FinetunedSpos extends Spos {
  async finetunedScores(cells: readonly Nb201Genotype[], steps: number): Promise<number[]> {
    const state = await this.save();
    const scores: number[] = [];
    for (let i = 0; i < cells.length; i++) {
      this.restore(state);
      const choose = pathChooser(this.supernet.pathOf(cells[i]));
      const { train } = this.streams(1000 + i);
      for (let s = 0; s < steps; s++) {
        const batch = train.next();
        await weightStep(this.supernet, this.optimizer, cosineRate(this.setup.training.learningRate, s, steps), batch, choose);
        disposeBatch(batch);
      }
      scores.push(await this.score(cells[i], 1000 + i));
    }
    return scores;
  }
}

/** How a row departs from plain SPOS beyond its settings: few-shot children's epochs, fine-tuning steps per cell. */
interface Way {
  childEpochs?: number;
  finetune?: number;
}

const seconds = (from: number) => (performance.now() - from) / 1000;

export async function rankTechniques(o: RankOptions): Promise<void> {
  const space = new Nb201Space({ channels: o.channels, cellsPerStage: 1 });
  const rng = createRng('bench-weight-sharing');
  const cells: Nb201Genotype[] = [];
  const seen = new Set<string>();
  while (cells.length < o.K) {
    const g = space.sample(rng);
    if (!seen.has(space.canonical(g))) {
      seen.add(space.canonical(g));
      cells.push(g);
    }
  }
  const held = o.data.test?.n ?? 0;
  console.log(
    `NAS-Bench-201 cells (${o.channels} channels) on shapes 16×16, ${o.data.classes} classes (${o.data.train.n} train / ${o.data.val.n} validation / ${held} held out), WASM; K = ${o.K}, from scratch ${o.epochs} epochs, supernet ${o.supernetEpochs} epochs`,
  );
  // Every seed cell by cell, so a run cut short still says how far the ceiling had got. Each
  // cell is scored on the validation split (as a search sees it) and, when there is one, on the
  // large held-out split, which takes the scoring noise out of the truth.
  const cache = new ScratchCache(o.cache);
  const seeds = Array.from({ length: o.seeds }, (_, s) => s + 1);
  const evaluators = seeds.map((seed) => new ScratchEvaluator(space, o.data, { ...o.training, epochs: o.epochs }, seed));
  const scratch = async (i: number, seed: number): Promise<ScratchResult> => {
    const key = `${space.canonical(cells[i]!)}|trial ${i}|seed ${seed}|${o.task}`;
    const known = cache.get(key);
    if (known) return known;
    const e = await evaluators[seed - 1]!.evaluate(cells[i], i);
    const result = { accuracy: e.accuracy, testAccuracy: e.testAccuracy, seconds: e.seconds };
    cache.put(key, result);
    return result;
  };
  if (o.fill) {
    for (let i = o.K - 1; i >= 0; i--) for (const seed of seeds) await scratch(i, seed);
    return;
  }
  // By seed, by cell: accuracy on validation and on held-out.
  const onVal = seeds.map(() => [] as number[]);
  const onHeld = seeds.map(() => [] as number[]);
  // Training only (scoring 6 000 held-out examples is the bench's, not the search's, cost), of the
  // first seed: what ranking the K cells from scratch once costs.
  let scratchSeconds = 0;
  const half = o.seeds / 2;
  const mean = (bySeed: number[][], from: number, to: number) => bySeed[0]!.map((_, i) => bySeed.slice(from, to).reduce((s, a) => s + a[i]!, 0) / (to - from));
  for (let i = 0; i < o.K; i++) {
    for (const seed of seeds) {
      const r = await scratch(i, seed);
      if (seed === 1) scratchSeconds += r.seconds;
      onVal[seed - 1]!.push(r.accuracy);
      onHeld[seed - 1]!.push(r.testAccuracy ?? r.accuracy);
    }
    if ((i + 1) % 10 === 0 && i + 1 < o.K)
      console.log(
        `  … ${i + 1} cells from scratch, the two halves of the seeds agree to τ ${kendallTau(mean(onHeld, 0, half), mean(onHeld, half, o.seeds)).toFixed(3)}`,
      );
  }
  // The truth every ranking is held against: the mean of the first half of the seeds, on the
  // held-out split when there is one; the ceiling is its τ with the mean of the other half.
  const bySeed = held ? onHeld : onVal;
  const truth = mean(bySeed, 0, half);
  const other = mean(bySeed, half, o.seeds);
  const ceiling = kendallTau(truth, other);
  const line = (label: string, acc: number[], s: number, against = truth) => {
    const tau = kendallTau(against, acc);
    const top = [...against].sort((a, b) => b - a).indexOf(against[acc.indexOf(Math.max(...acc))]!) + 1;
    console.log(
      `  ${label.padEnd(52)}${tau.toFixed(3).padStart(7)}${spearman(against, acc).toFixed(3).padStart(7)}${(tau / ceiling).toFixed(2).padStart(7)}${s.toFixed(1).padStart(8)} s  1/${(scratchSeconds / s).toFixed(1).padEnd(6)} #${top}`,
    );
  };
  console.log(`\n  ${'ranking'.padEnd(52)}      τ      ρ  τ/ceil    cost   vs scratch  top cell`);
  // One seed against another (the ceiling before), beside the averaged ceiling; τ/ceil is against the latter.
  if (held) line(`from scratch, seed 2 against seed 1, on validation`, onVal[1]!, scratchSeconds, onVal[0]!);
  if (o.seeds > 2 || !held) line(`from scratch, seed 2 against seed 1${held ? ', held-out' : ''}`, bySeed[1]!, scratchSeconds, bySeed[0]!);
  if (o.seeds > 2) {
    const pairs = seeds.flatMap((a) => seeds.filter((b) => b > a).map((b) => kendallTau(bySeed[a - 1]!, bySeed[b - 1]!)));
    console.log(`  (one seed against another, mean over all ${pairs.length} pairs: τ ${(pairs.reduce((s, t) => s + t, 0) / pairs.length).toFixed(3)})`);
    line(`mean of seeds ${half + 1}–${o.seeds} against 1–${half} (the ceiling)`, other, half * scratchSeconds);
  } else if (held) line(`from scratch, another seed, held-out (the ceiling)`, other, scratchSeconds);

  const scores = [{ label: 'from scratch (the truth)', acc: truth }];
  const supernetRun = async (label: string, change: Partial<OneShotSettings>, way: Way = {}) => {
    const t = performance.now();
    const settings = { ...DEFAULT_ONE_SHOT, epochs: o.supernetEpochs, ...change };
    const supernet = buildSupernet(space, o.data.input, o.data.classes, createRng('bench-supernet'));
    const setup: MethodSetup = {
      id: 'spos',
      space,
      supernet,
      data: o.data,
      training: o.training,
      settings,
      seed: 1,
      stage: 0,
      allowed: supernet.edges.map(() => supernet.ops.map(() => true)),
      skipDropout: 0,
      between: async () => {},
      progress: () => {},
    };
    const acc = new Array<number>(o.K).fill(0);
    if (way.finetune) {
      const spos = new FinetunedSpos(setup);
      for (let e = 1; e <= settings.epochs; e++) await spos.trainEpoch(e);
      acc.splice(0, o.K, ...(await spos.finetunedScores(cells, way.finetune)));
      spos.dispose();
    } else if (!way.childEpochs) {
      const spos = new Spos(setup);
      for (let e = 1; e <= settings.epochs; e++) await spos.trainEpoch(e);
      for (let i = 0; i < o.K; i++) acc[i] = await spos.score(cells[i], 1000 + i);
      spos.dispose();
    } else {
      const childEpochs = way.childEpochs;
      // Half the epochs on the whole supernet, then one child per op of edge 0, each from the parent's weights.
      const parentEpochs = Math.ceil(settings.epochs / 2);
      const parent = new Spos({ ...setup, settings: { ...settings, epochs: parentEpochs } });
      for (let e = 1; e <= parentEpochs; e++) await parent.trainEpoch(e);
      const state = await parent.save();
      parent.dispose();
      for (let k = 0; k < NB201_OPS.length; k++) {
        const child = new SplitSpos({ ...setup, stage: k + 1, settings: { ...settings, epochs: childEpochs } }, k);
        child.restore(state);
        for (let e = 1; e <= childEpochs; e++) await child.trainEpoch(e);
        for (let i = 0; i < o.K; i++) if (cells[i]!.ops[0] === NB201_OPS[k]) acc[i] = await child.score(cells[i], 1000 + i);
        child.dispose();
      }
    }
    supernet.dispose();
    line(label, acc, seconds(t));
    scores.push({ label, acc });
  };
  const E = o.supernetEpochs;
  const childEpochs = Math.max(1, Math.round(o.supernetEpochs / 2 / NB201_OPS.length));
  const rows: [key: string, label: string, change: Partial<OneShotSettings>, way?: Way][] = [
    ['spos', `SPOS, uniform paths, ${E} epochs (the evaluator before)`, {}],
    ['fair', `+ fair sampling (FairNAS)`, { sampling: 'fair' }],
    ['calibration', `+ batch norm recalibrated on 32 batches, not 8`, { calibrationBatches: 32 }],
    ['epochs2', `+ twice the supernet epochs (${2 * E})`, { epochs: 2 * E }],
    ['epochs4', `+ four times the supernet epochs (${4 * E})`, { epochs: 4 * E }],
    ['few-shot', `+ few-shot: ${Math.ceil(E / 2)} epochs, then 5 children (edge 0) × ${childEpochs}`, {}, { childEpochs }],
    ['few-shot3', `+ few-shot: ${Math.ceil(E / 2)} epochs, then 5 children (edge 0) × ${3 * childEpochs}`, {}, { childEpochs: 3 * childEpochs }],
    ['finetune', `+ each cell fine-tuned ${o.finetuneSteps} steps before scoring`, {}, { finetune: o.finetuneSteps }],
    ['all', `fair + 32 batches + ${2 * E} epochs`, { sampling: 'fair', calibrationBatches: 32, epochs: 2 * E }],
  ];
  for (const [key, label, change, way] of rows) if (!o.only || o.only.includes(key)) await supernetRun(label, change, way);
  opCounts(cells, scores);
}

/**
 * Which ops each ranking rewards: Spearman ρ between a cell's score and how many of its six edges
 * hold each op. A supernet that favours parameter-free paths shows it here against the truth.
 */
function opCounts(cells: readonly Nb201Genotype[], scores: readonly { label: string; acc: number[] }[]): void {
  console.log(`\n  ${'ρ of the score with the count of each op'.padEnd(52)}${NB201_OPS.map((op) => op.padStart(14)).join('')}`);
  const counts = NB201_OPS.map((op) => cells.map((c) => c.ops.filter((o) => o === op).length));
  for (const { label, acc } of scores) console.log(`  ${label.padEnd(52)}${counts.map((n) => spearman(n, acc).toFixed(2).padStart(14)).join('')}`);
}
