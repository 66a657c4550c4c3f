import { PlaygroundError } from '../core/errors';
import type { DatasetId } from '../core/experiment';
import type { Split } from '../nn/train';
import type { RawDataset } from './types';

/** The small real tables shipped in public/data (UCI, via scikit-learn). */
export const TABLES = {
  iris: { path: 'data/iris.csv', title: 'Iris (4 features, 3 classes)', source: 'UCI ML repository via scikit-learn (Fisher 1936)' },
  wine: { path: 'data/wine_data.csv', title: 'Wine (13 features, 3 classes)', source: 'UCI ML repository via scikit-learn (Forina et al.)' },
  breast_cancer: { path: 'data/breast_cancer.csv', title: 'Breast cancer (30 features, 2 classes)', source: 'UCI ML repository via scikit-learn (Wolberg et al. 1995)' },
} as const;
export type TableId = keyof typeof TABLES;

function damaged(id: string, why: string): PlaygroundError {
  return new PlaygroundError('dataset-load', `The shipped ${id} table is damaged: ${why}.`, 'Reload the page; if it persists, the deployment is damaged.');
}

/**
 * scikit-learn's CSV layout: a first line "rows,features,class names…", then one row per example,
 * features then the class index. Each example becomes a 1 × 1 × F input, so the chain space
 * builds an MLP on it.
 */
export function parseTable(id: TableId, bytes: Uint8Array): RawDataset {
  const lines = new TextDecoder().decode(bytes).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const header = lines[0]?.split(',') ?? [];
  const rows = Number(header[0]);
  const features = Number(header[1]);
  const classNames = header.slice(2);
  if (!Number.isInteger(rows) || !Number.isInteger(features) || classNames.length < 2) throw damaged(id, 'its first line is not "rows,features,class names"');
  if (lines.length - 1 !== rows) throw damaged(id, `it declares ${rows} rows but has ${lines.length - 1}`);
  const x = new Float32Array(rows * features);
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const cells = lines[i + 1]!.split(',').map(Number);
    if (cells.length !== features + 1 || cells.some((v) => !Number.isFinite(v))) throw damaged(id, `row ${i + 2} is not ${features} numbers and a label`);
    x.set(cells.slice(0, features), i * features);
    const label = cells[features]!;
    if (!Number.isInteger(label) || label < 0 || label >= classNames.length) throw damaged(id, `row ${i + 2} has label ${label}`);
    y[i] = label;
  }
  const meta = TABLES[id];
  return {
    info: { id: id as DatasetId, title: meta.title, kind: 'table', input: { height: 1, width: 1, channels: features }, classNames, source: meta.source },
    examples: { x, y, n: rows },
  };
}

/**
 * Standardises every feature to zero mean and unit variance using the training split's statistics
 * only, so nothing about the validation examples leaks into training.
 */
export function standardize(train: Split, val: Split, features: number): void {
  for (let f = 0; f < features; f++) {
    let mean = 0;
    for (let i = 0; i < train.n; i++) mean += train.x[i * features + f]!;
    mean /= Math.max(train.n, 1);
    let variance = 0;
    for (let i = 0; i < train.n; i++) variance += (train.x[i * features + f]! - mean) ** 2;
    const std = Math.sqrt(variance / Math.max(train.n, 1)) || 1;
    for (const split of [train, val]) for (let i = 0; i < split.n; i++) split.x[i * features + f] = (split.x[i * features + f]! - mean) / std;
  }
}
