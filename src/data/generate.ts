import type { SyntheticReport } from '../contracts/data';
import { PlaygroundError } from '../core/errors';
import type { Experiment } from '../core/experiment';
import type { Rng } from '../core/rng';
import { MAX_GAN_VALUES } from '../core/synthetic-rules';
import { trainGan } from '../nn/gan';
import type { Split } from '../nn/train';
import { fitTableGenerator, sampleTable } from './table-generator';
import type { DatasetInfo } from './types';

/** Examples per class of `train`, times `amount`, rounded. */
function countsOf(train: Split, classes: number, amount: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < train.n; i++) counts[train.y[i]!]! += 1;
  return counts.map((c) => Math.round(c * amount));
}

/** `train` followed by `extra`. */
function append(train: Split, extra: Split, size: number): Split {
  const x = new Float32Array((train.n + extra.n) * size);
  x.set(train.x.subarray(0, train.n * size));
  x.set(extra.x.subarray(0, extra.n * size), train.n * size);
  const y = new Int32Array(train.n + extra.n);
  y.set(train.y.subarray(0, train.n));
  y.set(extra.y.subarray(0, extra.n), train.n);
  return { x, y, n: train.n + extra.n };
}

/**
 * The last result, by what decides it: the estimate, the search and the export of one experiment
 * each prepare its data, and the GAN need not train again for the same split, settings and seed.
 */
let last: { key: string; out: { train: Split; report: SyntheticReport } } | null = null;

function keyOf(train: Split, size: number, kind: string, settings: Experiment['data']['synthetic'], rng: Rng): string {
  let sum = 0;
  for (let i = 0; i < train.n * size; i++) sum = (sum * 31 + Math.round(train.x[i]! * 1e6)) % 2147483647;
  for (let i = 0; i < train.n; i++) sum = (sum * 31 + train.y[i]!) % 2147483647;
  return JSON.stringify([rng.state().key, kind, size, train.n, settings.generate, settings.amount, sum]);
}

/**
 * The training split enlarged with examples of a class-conditional generator fitted on it alone
 * (validation and test never reach it): a GAN for images, a Gaussian mixture per class for tables
 * and points. Each class gets `amount` times its own count, after the real examples.
 */
export function addGenerated(
  train: Split,
  info: Pick<DatasetInfo, 'kind' | 'input' | 'classNames'>,
  settings: Experiment['data']['synthetic'],
  rng: Rng,
): { train: Split; report: SyntheticReport } {
  const { height, width, channels } = info.input;
  const size = height * width * channels;
  const key = keyOf(train, size, info.kind, settings, rng);
  if (last?.key !== key) last = { key, out: generate(train, info, settings, rng, size) };
  // A copy: a caller may write into its split.
  const { out } = last;
  return { train: { x: out.train.x.slice(), y: out.train.y.slice(), n: out.train.n }, report: out.report };
}

function generate(
  train: Split,
  info: Pick<DatasetInfo, 'kind' | 'input' | 'classNames'>,
  settings: Experiment['data']['synthetic'],
  rng: Rng,
  size: number,
): { train: Split; report: SyntheticReport } {
  const { height, width, channels } = info.input;
  const classes = info.classNames.length;
  const counts = countsOf(train, classes, settings.amount);
  if (info.kind === 'image') {
    if (size > MAX_GAN_VALUES) {
      throw new PlaygroundError(
        'invalid-config',
        `The GAN generates images of up to ${MAX_GAN_VALUES} values; these are ${height} × ${width} × ${channels} = ${size}.`,
        'Halve the resolution, or set "generated examples" to none.',
      );
    }
    const gan = trainGan(train, size, classes, rng.fork('gan'));
    const extra = gan.sample(counts, rng.fork('gan-samples'));
    const end = gan.history[gan.history.length - 1];
    return {
      train: append(train, extra, size),
      report: {
        added: counts,
        method: 'a class-conditional GAN trained on the training split',
        ...(end ? { discriminator: { real: end.realAccuracy, fake: end.fakeAccuracy, steps: end.step } } : {}),
      },
    };
  }
  const mixtures = fitTableGenerator(train, size, classes, rng.fork('mixture'));
  const extra = sampleTable(mixtures, counts, size, rng.fork('mixture-samples'));
  return { train: append(train, extra, size), report: { added: counts, method: 'a Gaussian mixture per class fitted on the training split' } };
}
