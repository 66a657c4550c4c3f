import { gunzipSync, strFromU8 } from 'fflate';
import { PlaygroundError } from '../core/errors';
import { BENCHMARK_DATASETS, type BenchmarkDataset } from '../core/experiment';
import { NB201_EDGES, NB201_OPS, Nb201Space, type Nb201Genotype } from '../core/space/nb201';
import type { AssetReader } from './types';

export const NB201_TABLE_PATH = 'data/nb201.csv.gz';

export const BENCHMARK_INFO: Record<BenchmarkDataset, { title: string; classes: number; side: number; column: string }> = {
  cifar10: { title: 'CIFAR-10 (NAS-Bench-201 table)', classes: 10, side: 32, column: 'c10' },
  cifar100: { title: 'CIFAR-100 (NAS-Bench-201 table)', classes: 100, side: 32, column: 'c100' },
  imagenet16: { title: 'ImageNet16-120 (NAS-Bench-201 table)', classes: 120, side: 16, column: 'in16' },
};

/** One cell's published results, accuracies in 0..1. */
export interface Nb201Record {
  /** Validation accuracy after 12 epochs: the usual cheap reward for searching. */
  valid12: number;
  /** Test accuracy after 200 epochs (mean over seeds): the figure to report for a returned cell. */
  test200: number;
}

/**
 * All 15 625 cells of NAS-Bench-201 (Dong & Yang 2020), as published. Cells are indexed by their
 * six op indices in base 5, so a lookup is an array read.
 */
export class Nb201Table {
  private constructor(
    private readonly valid12: Record<BenchmarkDataset, Float32Array>,
    private readonly test200: Record<BenchmarkDataset, Float32Array>,
  ) {}

  static index(g: Nb201Genotype): number {
    return g.ops.reduce((acc, op) => acc * NB201_OPS.length + NB201_OPS.indexOf(op), 0);
  }

  static parse(gzOrCsv: Uint8Array): Nb201Table {
    const gzipped = gzOrCsv[0] === 0x1f && gzOrCsv[1] === 0x8b;
    let text: string;
    try {
      text = strFromU8(gzipped ? gunzipSync(gzOrCsv) : gzOrCsv);
    } catch {
      throw new PlaygroundError('dataset-load', 'The NAS-Bench-201 table is damaged (not valid gzip).', 'Reload the page.');
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const header = lines[0]!.split(',');
    const size = NB201_OPS.length ** NB201_EDGES.length;
    const columns = (name: string) => {
      const at = header.indexOf(name);
      if (at < 0) throw new PlaygroundError('dataset-load', `The NAS-Bench-201 table has no column "${name}".`, 'Reload the page.');
      return at;
    };
    const valid12 = {} as Record<BenchmarkDataset, Float32Array>;
    const test200 = {} as Record<BenchmarkDataset, Float32Array>;
    for (const d of BENCHMARK_DATASETS) {
      valid12[d] = new Float32Array(size).fill(Number.NaN);
      test200[d] = new Float32Array(size).fill(Number.NaN);
    }
    const space = new Nb201Space();
    const at = BENCHMARK_DATASETS.map((d) => [d, columns(`${BENCHMARK_INFO[d].column}_12ep_valid`), columns(`${BENCHMARK_INFO[d].column}_test`)] as const);
    for (let i = 1; i < lines.length; i++) {
      const cells = lines[i]!.split(',');
      const index = Nb201Table.index(space.decode(cells[0]!));
      for (const [d, v, t] of at) {
        valid12[d][index] = Number(cells[v]) / 100;
        test200[d][index] = Number(cells[t]) / 100;
      }
    }
    const missing = valid12.cifar10.findIndex((v) => Number.isNaN(v));
    if (missing >= 0) throw new PlaygroundError('dataset-load', `The NAS-Bench-201 table lacks cell #${missing}.`, 'Reload the page.');
    return new Nb201Table(valid12, test200);
  }

  get(g: Nb201Genotype, dataset: BenchmarkDataset): Nb201Record {
    const i = Nb201Table.index(g);
    return { valid12: this.valid12[dataset][i]!, test200: this.test200[dataset][i]! };
  }

  /** The best 200-epoch test accuracy in the table: the ceiling a search can reach. */
  best(dataset: BenchmarkDataset): number {
    return this.test200[dataset].reduce((m, v) => Math.max(m, v), 0);
  }

  /** The whole column, for analysis (ranks, correlations). */
  column(dataset: BenchmarkDataset, which: 'valid12' | 'test200'): Float32Array {
    return which === 'valid12' ? this.valid12[dataset] : this.test200[dataset];
  }
}

let cached: Promise<Nb201Table> | null = null;

/** Loads the table once per worker or process; later searches reuse it. */
export function loadNb201Table(readAsset: AssetReader): Promise<Nb201Table> {
  cached ??= readAsset(NB201_TABLE_PATH)
    .then(Nb201Table.parse)
    .catch((e: unknown) => {
      cached = null; // a failed load is retried next time
      if (e instanceof PlaygroundError) throw e;
      throw new PlaygroundError(
        'dataset-load',
        `Could not load the NAS-Bench-201 table (${e instanceof Error ? e.message : String(e)}).`,
        'Check the connection and try again.',
      );
    });
  return cached;
}
