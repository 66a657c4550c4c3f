import { PlaygroundError } from '../core/errors';
import { BENCHMARK_DATASETS, type BenchmarkDataset } from '../core/experiment';
import { Nb201Space } from '../core/space/nb201';
import { loadNb201Table } from '../data/nb201-table';
import { readAsset } from './assets';

const space = new Nb201Space();

/**
 * What the NAS-Bench-201 table gives each cell on a benchmark dataset — the 12-epoch validation
 * accuracy a table search is rewarded with — for the Class view to hold students' claims against;
 * NaN where the text is not a cell.
 */
export async function tableAccuracies(dataset: string, encoded: readonly string[]): Promise<number[]> {
  if (!BENCHMARK_DATASETS.includes(dataset as BenchmarkDataset)) {
    throw new PlaygroundError('invalid-config', `"${dataset.slice(0, 24)}" is not a NAS-Bench-201 dataset.`, `Use one of ${BENCHMARK_DATASETS.join(', ')}.`);
  }
  const table = await loadNb201Table(readAsset);
  return encoded.map((e) => {
    try {
      return table.get(space.decode(e), dataset as BenchmarkDataset).valid12;
    } catch {
      return Number.NaN;
    }
  });
}
