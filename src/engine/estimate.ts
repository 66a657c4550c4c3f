import type { StepTiming } from '../core/estimate';
import { evaluatorEntry } from '../core/evaluator/index';
import { experimentSpace, type Experiment } from '../core/experiment';
import { isOneShot } from '../core/one-shot/index';
import { createRng, type Rng } from '../core/rng';
import { WithHyperparameters, type WithHp } from '../core/space/with-hyperparameters';
import { createStrategy } from '../core/strategy/index';
import { prepareData, type UserFile } from '../data/load';
import type { NetworkAccess } from '../data/image-sets';
import type { AssetReader } from '../data/types';
import type { InputShape } from '../core/space/types';
import { buildNetwork } from '../nn/build';
import { measureLatency } from '../nn/latency';
import { train, type Split, type TrainData } from '../nn/train';

/** Two timed trainings after a warm-up one (which compiles the backend's kernels): their difference is the steps alone. */
const SHORT = 2;
const LONG = 8;
/** Architectures sampled for the space's mean cost. */
const SAMPLES = 16;

const now = () => performance.now() / 1000;

export function head(split: Split, n: number, size: number): Split {
  const k = Math.min(n, split.n);
  return { x: split.x.subarray(0, k * size), y: split.y.subarray(0, k), n: k };
}

/**
 * The network a step is timed on: the experiment's first (what its strategy asks first; a sampled
 * path for weight sharing) when it is typical of the space, else the sampled one closest to the
 * space's mean cost — a small network's step is mostly fixed overhead, so FLOPs do not scale it.
 */
export function typicalNetwork(x: Experiment, input: InputShape, classes: number, rng: Rng) {
  const space = experimentSpace(x);
  const hp = space instanceof WithHyperparameters;
  const inner = hp ? space.inner : space;
  const first = isOneShot(x.strategy)
    ? space.sample(rng.fork('first'))
    : createStrategy(x.strategy, space, x.seed, x.strategySettings, undefined, { epochs: x.training.epochs }).ask().genotype;
  const archOf = (g: unknown) => (hp ? (g as WithHp<unknown>).arch : g);
  const costOf = (g: unknown) => inner.cost(g, input, classes).flops;
  const sampled = [archOf(first), ...Array.from({ length: SAMPLES }, () => inner.sample(rng))].map((g) => ({ g, flops: costOf(g) }));
  const meanFlops = sampled.reduce((a, s) => a + s.flops, 0) / sampled.length;
  const typical = (s: { flops: number }) => Math.abs(Math.log((s.flops + 1) / (meanFlops + 1)));
  const { g: arch, flops } = typical(sampled[0]!) < Math.log(1.5) ? sampled[0]! : sampled.reduce((a, b) => (typical(b) < typical(a) ? b : a));
  return { arch, flops, meanFlops, inner };
}

/**
 * Times a few training steps of the experiment's first network (what its strategy asks first; a
 * sampled path for weight sharing) on its data and the backend in use, and the space's mean cost,
 * for core's estimate. A table lookup needs no timing: null.
 */
export async function measureStep(x: Experiment, deps: { readAsset: AssetReader; userFile?: UserFile; net?: NetworkAccess }): Promise<StepTiming | null> {
  if (evaluatorEntry(x.evaluator).table) return null;
  const started = now();
  const data = await prepareData(x, deps.readAsset, deps.userFile, deps.net);
  const dataSeconds = now() - started;
  const rng = createRng(x.seed).fork('estimate');
  const { arch, flops, meanFlops, inner } = typicalNetwork(x, data.input, data.classes, rng);
  const built = now();
  const net = buildNetwork(inner, arch, data.input, data.classes, rng.fork('init'));
  const buildSeconds = now() - built;
  const size = data.input.height * data.input.width * data.input.channels;
  const batch = x.training.batchSize;
  const subset = (steps: number): TrainData => ({ ...data, train: head(data.train, steps * batch, size), val: head(data.val, 1, size) });
  const settings = { ...x.training, epochs: 1, augment: x.data.augment };
  const timed = async (steps: number) => {
    const part = subset(steps);
    const t = now();
    await train(net, part, settings, rng.fork(`timed-${steps}`));
    return { seconds: now() - t, steps: Math.ceil(part.train.n / batch) };
  };
  try {
    await train(net, subset(1), settings, rng.fork('warm-up'));
    // Each timed twice, the faster kept: a pause of this shared device's other work only ever adds time.
    const fastest = async (steps: number) => [await timed(steps), await timed(steps)].reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const short = await fastest(SHORT);
    const long = await fastest(LONG);
    // Every trained trial ends by timing its latency (11 single-example passes): part of its cost.
    const latencyStarted = now();
    await measureLatency(net, data.input);
    const latencySeconds = now() - latencyStarted;
    // What a training run costs besides its steps (its optimizer's state, a validation pass) counts once per trial, with the build.
    const stepSeconds = long.steps > short.steps ? Math.max(0, long.seconds - short.seconds) / (long.steps - short.steps) : long.seconds / long.steps;
    return {
      stepSeconds,
      flops,
      meanFlops,
      buildSeconds: buildSeconds + latencySeconds + Math.max(0, short.seconds - short.steps * stepSeconds),
      trainExamples: data.train.n,
      valExamples: data.val.n,
      testExamples: data.test?.n ?? 0,
      dataSeconds,
    };
  } finally {
    net.ctx.dispose();
  }
}
