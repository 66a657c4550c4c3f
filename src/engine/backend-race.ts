import type { BackendName, BackendTiming } from '../contracts/backend';
import { evaluatorEntry } from '../core/evaluator/index';
import type { Experiment } from '../core/experiment';
import { createRng, type Rng } from '../core/rng';
import { dataInput } from '../core/dataset/input';
import { engineering } from '../data/features';
import { prepareData } from '../data/load';
import type { NetworkAccess } from '../data/image-sets';
import type { AssetReader } from '../data/types';
import { buildNetwork } from '../nn/build';
import { train, type TrainData } from '../nn/train';
import { head, typicalNetwork } from './estimate';

/**
 * A warm-up longer than this (kernels compiling on a slow backend) ends that backend's turn: it
 * is reported, not timed, so the race never holds Start up for long.
 */
const WARM_UP_LIMIT_S = 4;
/** A backend this many times slower than the best so far on a two-example step is not worth timing at full batch. */
const HOPELESS = 4;
/** A single step slower than this is slow enough to rank without timing more of them. */
const ONE_STEP_ENOUGH_S = 0.5;
const STEPS = 4;

const now = () => performance.now() / 1000;

/** What the timings depend on besides the device: the data, the space, the batch (not the strategy's later choices). */
export function raceKey(x: Experiment): string {
  return JSON.stringify([x.dataset, x.data, x.space, x.spaceSettings, x.training.batchSize, x.hpo.enabled, x.evaluator]);
}

/**
 * Times training steps of the experiment's own typical network on each backend in turn (`use`
 * switches tfjs to it): a two-example warm-up compiles kernels, a second one weeds out a backend
 * far slower than the best so far, then one step and STEPS + 1 steps are timed and their
 * difference taken, so a run's fixed cost (optimizer state, a validation pass) does not count as
 * step time. Each backend's network is disposed before the next starts.
 */
export async function raceBackends(
  x: Experiment,
  names: readonly BackendName[],
  use: (name: BackendName) => Promise<boolean>,
  deps: { readAsset: AssetReader; net?: NetworkAccess },
): Promise<BackendTiming[]> {
  if (evaluatorEntry(x.evaluator).table) return [];
  const rng = createRng(x.seed).fork('backend-race');
  const data = await raceData(x, deps, rng.fork('data'));
  if (!data) return [];
  const { arch, inner } = typicalNetwork(x, data.input, data.classes, rng.fork('network'));
  const size = data.input.height * data.input.width * data.input.channels;
  const batch = x.training.batchSize;
  const settings = { ...x.training, epochs: 1, augment: x.data.augment };
  const rows: BackendTiming[] = [];
  let bestSmall: { name: BackendName; seconds: number } | null = null;
  for (const name of names) {
    let started: boolean;
    try {
      started = await use(name);
    } catch {
      started = false;
    }
    if (!started) {
      rows.push({ name, msPerStep: null, note: 'failed to start' });
      continue;
    }
    const net = buildNetwork(inner, arch, data.input, data.classes, rng.fork('init'));
    const timed = async (steps: number, examples = steps * batch) => {
      const part: TrainData = { ...data, train: head(data.train, examples, size), val: head(data.val, 1, size) };
      const t = now();
      await train(net, part, { ...settings, batchSize: Math.min(batch, examples) }, rng.fork(`steps-${steps}`));
      return now() - t;
    };
    try {
      // Two examples first: it compiles the kernels, and shows a hopeless backend for a fraction of a step's cost.
      const warm = await timed(1, 2);
      if (warm > WARM_UP_LIMIT_S) {
        rows.push({ name, msPerStep: null, note: `its first step took ${warm.toFixed(1)} s, too slow to time further` });
        continue;
      }
      const small = await timed(1, 2);
      if (bestSmall !== null && small > HOPELESS * bestSmall.seconds) {
        rows.push({
          name,
          msPerStep: null,
          note: `${Math.round(small / bestSmall.seconds)}× slower than ${bestSmall.name.toUpperCase()} on a small step, not timed further`,
        });
        continue;
      }
      if (bestSmall === null || small < bestSmall.seconds) bestSmall = { name, seconds: small };
      const one = await timed(1);
      if (one > ONE_STEP_ENOUGH_S) {
        rows.push({ name, msPerStep: one * 1000, note: 'one step timed' });
        continue;
      }
      const many = await timed(STEPS + 1);
      // On a busy machine the difference can vanish in the noise (or go negative): then the run's
      // fixed cost cannot be told apart, and the mean of all the steps, an upper bound, stands in.
      const perStep = many > one ? (many - one) / STEPS : many / (STEPS + 1);
      rows.push({ name, msPerStep: perStep * 1000, note: many > one ? `${STEPS} steps timed` : `${STEPS + 1} steps timed with the run's fixed cost` });
    } catch (e) {
      rows.push({ name, msPerStep: null, note: `failed while training: ${e instanceof Error ? e.message.slice(0, 80) : 'unknown error'}` });
    } finally {
      net.ctx.dispose();
    }
  }
  return rows;
}

/** Classes of the random examples an image set is raced on: the head's size hardly moves a step's time. */
const RACE_CLASSES = 10;

/**
 * What the race trains on. A step's time depends on the shapes, not on the pixels, so an image set
 * is raced on random examples of its shape (a set still to download is not downloaded for it); a
 * small generated or shipped table on its own rows. Where preparing the data costs real time (the
 * person's own file, feature engineering) there is no race (null): it would hold Start up, and the
 * run prepares the data again anyway.
 */
async function raceData(x: Experiment, deps: { readAsset: AssetReader; net?: NetworkAccess }, rng: Rng): Promise<TrainData | null> {
  const input = dataInput(x);
  if (input.kind === 'image' && input.shape && x.dataset !== 'own') {
    const shape = input.shape;
    const size = shape.height * shape.width * shape.channels;
    const n = x.training.batchSize * (STEPS + 1) + 1;
    const split = (k: number) => ({
      x: Float32Array.from({ length: k * size }, () => rng.next()),
      y: Int32Array.from({ length: k }, () => rng.int(RACE_CLASSES)),
      n: k,
    });
    return { input: shape, classes: RACE_CLASSES, train: split(n), val: split(1) };
  }
  if (input.kind === 'flat' && x.dataset !== 'own' && !engineering(x.data.features)) return prepareData(x, deps.readAsset, undefined, deps.net);
  return null;
}

/** The fastest backend that was timed, or null when none was. */
export function fastest(rows: readonly BackendTiming[]): BackendTiming | null {
  return rows.filter((r) => r.msPerStep !== null).reduce<BackendTiming | null>((a, b) => (a && a.msPerStep! <= b.msPerStep! ? a : b), null);
}
