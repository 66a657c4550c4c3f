import type { DatasetId } from '../core/experiment';
import type { InputShape } from '../core/space/types';

/** All examples of a dataset before the split: NHWC pixels or features, flattened. */
export interface Examples {
  x: Float32Array;
  y: Int32Array;
  n: number;
}

export interface DatasetInfo {
  id: DatasetId;
  title: string;
  /** `image` draws as a grid of pictures, `points` as a scatter plot, `table` as rows of features. */
  kind: 'image' | 'points' | 'table';
  input: InputShape;
  classNames: string[];
  source: string;
  /** For tables: the feature columns' names, and the label column's. */
  columns?: string[];
  labelColumn?: string;
  /** For tables: what reading and cleaning found and did. */
  cleaning?: CleaningReport;
}

/** What cleaning a table found and did, for the data panel and the CLI. */
export interface CleaningReport {
  rows: number;
  duplicates: number;
  /** Column → detected type (numbers, or a few text values one-hot encoded). */
  types: Array<{ column: string; type: 'numeric' | 'categorical'; values?: number }>;
  constant: string[];
  missing: { cells: number; rowsDropped: number; filledWith: 'mean' | 'median' | null };
  outliers: { cells: number; rowsDropped: number; action: 'keep' | 'clip' | 'drop' };
  /** Problems with the labels that do not stop training (imbalance). */
  labelNotes: string[];
}

export interface RawDataset {
  info: DatasetInfo;
  examples: Examples;
}

/** Fetches a file shipped in public/ (the page uses fetch, Node reads the file). */
export type AssetReader = (path: string) => Promise<Uint8Array>;
