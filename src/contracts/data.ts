import type { DatasetId } from '../core/experiment';
import type { InputShape } from '../core/space/types';
import type { AppendReport } from './append';

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

/** One feature-engineering step: what it did to the columns. */
export interface FeatureStep {
  step: string;
  before: number;
  after: number;
  detail: string;
}

export interface FeatureReport {
  steps: FeatureStep[];
  /** The columns the model sees, by name. */
  columns: string[];
  /** Validation accuracy of a quick softmax-regression baseline, before and after engineering. */
  baseline: { before: number; after: number } | null;
}

export interface SyntheticReport {
  /** Synthetic examples added to each class of the training split. */
  added: number[];
  method: string;
  /** A GAN's discriminator at the end of training: its accuracy on real and on generated examples (0.5 each: it cannot tell them apart). */
  discriminator?: { real: number; fake: number; steps: number };
}

/** What preparation did, step by step, for the data panel. */
export interface PrepReport {
  cleaning?: CleaningReport;
  features?: FeatureReport;
  synthetic?: SyntheticReport;
  /** Examples of a class-conditional generator fitted on the training split (before any balancing). */
  generated?: SyntheticReport;
  /** Files appended while the search ran, in order: their rows are in the training split, after the first file's. */
  appended?: AppendReport[];
  /** Training examples before synthetic ones were added (they follow the real ones). */
  realTrain: number;
  /** A table's first rows as its file has them (before cleaning and scaling; missing cells NaN), so the page shows the person's own numbers. */
  original?: { columns: string[]; rows: number[][]; labels: string[] };
}

/** Examples, flattened as the model sees them, with their labels. */
export interface ExampleSample {
  x: Float32Array;
  y: Int32Array;
  n: number;
}

/** What the dataset panel shows: a few examples per class, the class balance of each split. */
export interface DataPreview {
  info: DatasetInfo;
  samples: ExampleSample;
  balance: { train: number[]; val: number[]; synthetic: number[] };
  /** For points: every training example (small sets only), to draw the whole scatter. */
  points?: ExampleSample;
  /** What preparation did. */
  prep: PrepReport;
  /** The same samples as training would see them after augmentation (images, when it is on). */
  augmented?: ExampleSample;
  /** A few synthetic training examples per class, shown beside the real ones. */
  synthetic?: ExampleSample;
}

/** How far a download has come, for a progress bar. */
export interface DownloadProgress {
  dataset: string;
  file: string;
  loaded: number;
  total: number;
  /** `cache` when the bytes came from this device. */
  from: 'network' | 'cache';
}

/** What the worker found in the user's own file (a CSV table or a zip of class folders of images). */
export interface UserFileSummary {
  kind: 'table' | 'images';
  columns: string[];
  labelColumn: string;
  /** Content hash, carried by the link instead of the file. */
  hash: string;
  summary: string;
}
