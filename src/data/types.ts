import type { DatasetInfo } from '../contracts/data';

/** The reports the page shows are declared with the page↔worker contracts; data's modules take them from here. */
export type { CleaningReport, DatasetInfo } from '../contracts/data';

/** All examples of a dataset before the split: NHWC pixels or features, flattened. */
export interface Examples {
  x: Float32Array;
  y: Int32Array;
  n: number;
}

export interface RawDataset {
  info: DatasetInfo;
  examples: Examples;
}

/** Fetches a file shipped in public/ (the page uses fetch, Node reads the file). */
export type AssetReader = (path: string) => Promise<Uint8Array>;
