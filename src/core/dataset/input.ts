import type { ExperimentView } from '../experiment-fields';
import type { DataInput } from './entry';
import { datasetEntry } from './index';

/**
 * What a network sees of one example of the experiment's data, before anything is loaded: the
 * dataset's input, its images halved as the data layer halves them when half resolution is asked.
 */
export function dataInput(x: Pick<ExperimentView, 'dataset' | 'data'>): DataInput {
  const entry = datasetEntry(x.dataset);
  if (!entry) return { kind: 'none' };
  const input = typeof entry.input === 'function' ? entry.input(x as ExperimentView) : entry.input;
  if (input.kind !== 'image' || !input.shape || x.data.resolution !== 0.5) return input;
  const { height, width, channels } = input.shape;
  // 2 × 2 averages, an odd last row or column dropped (src/data/load.ts, halveResolution).
  if (height < 2 || width < 2) return input;
  return { kind: 'image', shape: { height: Math.floor(height / 2), width: Math.floor(width / 2), channels } };
}

/** The examples are flat rows of numbers (a table, points): networks for them are MLPs. */
export function flatData(x: Pick<ExperimentView, 'dataset' | 'data'>): boolean {
  return dataInput(x).kind === 'flat';
}
