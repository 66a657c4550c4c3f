import type { Experiment } from '../core/experiment';
import { prepareData, type UserFile } from './load';
import type { AssetReader, DatasetInfo } from './types';

/** What the dataset panel shows: a few examples per class, the class balance of each split. */
export interface DataPreview {
  info: DatasetInfo;
  /** Examples, flattened as the model sees them, with their labels. */
  samples: { x: Float32Array; y: Int32Array; n: number };
  balance: { train: number[]; val: number[] };
  /** For points: every training example (small sets only), to draw the whole scatter. */
  points?: { x: Float32Array; y: Int32Array; n: number };
}

const PER_CLASS = 6;

export async function previewData(x: Experiment, readAsset: AssetReader, userFile?: UserFile): Promise<DataPreview> {
  const data = await prepareData(x, readAsset, userFile);
  const size = data.input.height * data.input.width * data.input.channels;
  const count = (y: Int32Array) => {
    const out = new Array<number>(data.classes).fill(0);
    for (const label of y) out[label]! += 1;
    return out;
  };
  const picked: number[] = [];
  const taken = new Array<number>(data.classes).fill(0);
  for (let i = 0; i < data.train.n && picked.length < PER_CLASS * data.classes; i++) {
    const label = data.train.y[i]!;
    if (taken[label]! < PER_CLASS) {
      taken[label]! += 1;
      picked.push(i);
    }
  }
  picked.sort((a, b) => data.train.y[a]! - data.train.y[b]! || a - b);
  const xs = new Float32Array(picked.length * size);
  picked.forEach((i, k) => xs.set(data.train.x.subarray(i * size, (i + 1) * size), k * size));
  return {
    info: data.info,
    samples: { x: xs, y: Int32Array.from(picked.map((i) => data.train.y[i]!)), n: picked.length },
    balance: { train: count(data.train.y), val: count(data.val.y) },
    points: data.info.kind === 'points' ? { x: data.train.x, y: data.train.y, n: data.train.n } : undefined,
  };
}
