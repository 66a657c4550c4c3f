import { PlaygroundError } from '../core/errors';
import type { DatasetId } from '../core/experiment';

import type { RawDataset } from './types';

/** The small real tables shipped in public/data (UCI, via scikit-learn). */
export const TABLES = {
  iris: { path: 'data/iris.csv', title: 'Iris (4 features, 3 classes)', source: 'UCI ML repository via scikit-learn (Fisher 1936)' },
  wine: { path: 'data/wine_data.csv', title: 'Wine (13 features, 3 classes)', source: 'UCI ML repository via scikit-learn (Forina et al.)' },
  breast_cancer: {
    path: 'data/breast_cancer.csv',
    title: 'Breast cancer (30 features, 2 classes)',
    source: 'UCI ML repository via scikit-learn (Wolberg et al. 1995)',
  },
} as const;
export type TableId = keyof typeof TABLES;

const CANCER_MEASURES = ['radius', 'texture', 'perimeter', 'area', 'smoothness', 'compactness', 'concavity', 'concave points', 'symmetry', 'fractal dimension'];

/** Column names, in the files' order (scikit-learn's feature_names; the CSV files carry none). */
const COLUMN_NAMES: Record<TableId, string[]> = {
  iris: ['sepal length', 'sepal width', 'petal length', 'petal width'],
  wine: [
    'alcohol',
    'malic acid',
    'ash',
    'alcalinity of ash',
    'magnesium',
    'total phenols',
    'flavanoids',
    'nonflavanoid phenols',
    'proanthocyanins',
    'color intensity',
    'hue',
    'od280/od315',
    'proline',
  ],
  breast_cancer: ['mean', 'error', 'worst'].flatMap((kind) => CANCER_MEASURES.map((m) => `${kind} ${m}`)),
};

function damaged(id: string, why: string): PlaygroundError {
  return new PlaygroundError('dataset-load', `The shipped ${id} table is damaged: ${why}.`, 'Reload the page; if it persists, the deployment is damaged.');
}

/**
 * scikit-learn's CSV layout: a first line "rows,features,class names…", then one row per example,
 * features then the class index. Each example becomes a 1 × 1 × F input, so the chain space
 * builds an MLP on it.
 */
export function parseTable(id: TableId, bytes: Uint8Array): RawDataset {
  const lines = new TextDecoder()
    .decode(bytes)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
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
    info: {
      id: id as DatasetId,
      title: meta.title,
      kind: 'table',
      input: { height: 1, width: 1, channels: features },
      classNames,
      source: meta.source,
      ...(COLUMN_NAMES[id].length === features ? { columns: COLUMN_NAMES[id] } : {}),
    },
    examples: { x, y, n: rows },
  };
}
