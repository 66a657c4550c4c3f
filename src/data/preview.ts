import type { DataPreview } from '../contracts/data';
import { augmentBatch, augmenting } from '../core/augment';
import type { Experiment } from '../core/experiment';
import { createRng } from '../core/rng';
import { prepareData, type UserFile } from './load';
import type { AssetReader } from './types';
import type { NetworkAccess } from './image-sets';

const PER_CLASS = 6;

export async function previewData(x: Experiment, readAsset: AssetReader, userFile?: UserFile, net?: NetworkAccess): Promise<DataPreview> {
  const data = await prepareData(x, readAsset, userFile, net, { baseline: true });
  const size = data.input.height * data.input.width * data.input.channels;
  const count = (y: ArrayLike<number>) => {
    const out = new Array<number>(data.classes).fill(0);
    for (let i = 0; i < y.length; i++) out[y[i]!]! += 1;
    return out;
  };
  const real = data.prep.realTrain;
  const realY = data.train.y.subarray(0, real);
  const picked: number[] = [];
  const taken = new Array<number>(data.classes).fill(0);
  for (let i = 0; i < real && picked.length < PER_CLASS * data.classes; i++) {
    const label = data.train.y[i]!;
    if (taken[label]! < PER_CLASS) {
      taken[label]! += 1;
      picked.push(i);
    }
  }
  picked.sort((a, b) => data.train.y[a]! - data.train.y[b]! || a - b);
  const xs = new Float32Array(picked.length * size);
  picked.forEach((i, k) => xs.set(data.train.x.subarray(i * size, (i + 1) * size), k * size));
  const ys = Int32Array.from(picked.map((i) => data.train.y[i]!));
  let augmented: DataPreview['augmented'];
  const aug = x.data.augment;
  if (data.info.kind === 'image' && augmenting(aug)) {
    const out = augmentBatch(xs, ys, picked.length, data.input, data.classes, aug, createRng(x.seed).fork('preview-augment'));
    // A mixed-up example is shown under the class with the larger share.
    const labels = Int32Array.from({ length: picked.length }, (_, b) => {
      const row = Array.from(out.y.subarray(b * data.classes, (b + 1) * data.classes));
      return row.indexOf(Math.max(...row));
    });
    augmented = { x: out.x, y: labels, n: picked.length };
  }
  let synthetic: DataPreview['synthetic'];
  if (data.train.n > real) {
    const chosen: number[] = [];
    const count = new Array<number>(data.classes).fill(0);
    for (let i = real; i < data.train.n; i++) {
      const label = data.train.y[i]!;
      if (count[label]! < PER_CLASS) {
        count[label]! += 1;
        chosen.push(i);
      }
    }
    const sx = new Float32Array(chosen.length * size);
    chosen.forEach((i, k) => sx.set(data.train.x.subarray(i * size, (i + 1) * size), k * size));
    synthetic = { x: sx, y: Int32Array.from(chosen.map((i) => data.train.y[i]!)), n: chosen.length };
  }
  const all = count(data.train.y);
  const realCounts = count(realY);
  return {
    info: data.info,
    samples: { x: xs, y: ys, n: picked.length },
    balance: { train: all, val: count(data.val.y), synthetic: all.map((c, k) => c - realCounts[k]!) },
    points: data.info.kind === 'points' ? { x: data.train.x, y: data.train.y, n: data.train.n } : undefined,
    prep: data.prep,
    ...(augmented ? { augmented } : {}),
    ...(synthetic ? { synthetic } : {}),
  };
}
