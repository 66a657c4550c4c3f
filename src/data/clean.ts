import { PlaygroundError } from '../core/errors';
import type { Experiment } from '../core/experiment';
import type { CleaningReport, RawDataset } from './types';

export type CleaningSettings = Experiment['data']['cleaning'];

/** What cleaning learnt from the first file: applied unchanged to data appended later (data-append.ts). */
export interface CleaningFit {
  /** Per column, the value a missing cell is filled with (null: rows with missing cells are dropped). */
  fills: number[] | null;
  /** Per column, the [low, high] bounds outside which a value is an outlier (null: a 0/1 or constant column). */
  bounds: Array<[number, number] | null>;
}

const OUTLIER_Z = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Cleans a table before it is split: missing values filled (column mean or median) or their rows
 * dropped; values more than 3 standard deviations from their column's mean clipped to that bound or
 * their rows dropped (0/1 columns are left alone); label problems that do not stop training noted.
 * Every change is counted in the dataset's cleaning report.
 */
export function cleanTable(raw: RawDataset, settings: CleaningSettings): RawDataset & { fit: CleaningFit } {
  const d = raw.info.input.channels;
  let { x, y, n } = raw.examples;
  const columns = raw.info.columns ?? Array.from({ length: d }, (_, f) => `feature ${f + 1}`);
  const base: CleaningReport = raw.info.cleaning ?? {
    rows: n,
    duplicates: 0,
    types: columns.map((column) => ({ column, type: 'numeric' as const })),
    constant: [],
    missing: { cells: 0, rowsDropped: 0, filledWith: null },
    outliers: { cells: 0, rowsDropped: 0, action: 'keep' },
    labelNotes: [],
  };
  const keepRows = (keep: (i: number) => boolean): number => {
    const rows = Array.from({ length: n }, (_, i) => i).filter(keep);
    const nx = new Float32Array(rows.length * d);
    rows.forEach((i, k) => nx.set(x.subarray(i * d, (i + 1) * d), k * d));
    const dropped = n - rows.length;
    x = nx;
    y = Int32Array.from(rows.map((i) => y[i]!));
    n = rows.length;
    return dropped;
  };

  // Missing values.
  let missingCells = 0;
  let fills: number[] | null = null;
  for (let i = 0; i < n * d; i++) if (Number.isNaN(x[i]!)) missingCells++;
  const missing: CleaningReport['missing'] = { cells: missingCells, rowsDropped: 0, filledWith: null };
  if (missingCells > 0 && settings.missing === 'drop') {
    missing.rowsDropped = keepRows((i) => !x.subarray(i * d, (i + 1) * d).some(Number.isNaN));
  } else if (settings.missing !== 'drop') {
    // Fitted even where nothing is missing: a file appended later may have gaps to fill with these.
    if (missingCells > 0) x = x.slice();
    fills = [];
    for (let f = 0; f < d; f++) {
      const present: number[] = [];
      for (let i = 0; i < n; i++) if (!Number.isNaN(x[i * d + f]!)) present.push(x[i * d + f]!);
      const fill = present.length === 0 ? 0 : settings.missing === 'median' ? median(present) : present.reduce((a, b) => a + b, 0) / present.length;
      if (missingCells > 0) for (let i = 0; i < n; i++) if (Number.isNaN(x[i * d + f]!)) x[i * d + f] = fill;
      fills.push(fill);
    }
    if (missingCells > 0) missing.filledWith = settings.missing === 'median' ? 'median' : 'mean';
  }

  // Outliers: |z| > 3 in columns that are not 0/1 indicators.
  const outliers: CleaningReport['outliers'] = { cells: 0, rowsDropped: 0, action: settings.outliers };
  const bounds: Array<[number, number] | null> = [];
  for (let f = 0; f < d; f++) {
    let binary = true;
    let mean = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i * d + f]!;
      if (v !== 0 && v !== 1) binary = false;
      mean += v;
    }
    mean /= Math.max(n, 1);
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (x[i * d + f]! - mean) ** 2;
    const std = Math.sqrt(variance / Math.max(n, 1));
    bounds.push(binary || std === 0 ? null : [mean - OUTLIER_Z * std, mean + OUTLIER_Z * std]);
  }
  const outside = (i: number, f: number) => {
    const b = bounds[f];
    return b !== null && b !== undefined && (x[i * d + f]! < b[0] || x[i * d + f]! > b[1]);
  };
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) if (outside(i, f)) outliers.cells++;
  if (outliers.cells > 0 && settings.outliers === 'clip') {
    x = x.slice();
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < d; f++) {
        const b = bounds[f];
        if (b) x[i * d + f] = Math.min(b[1], Math.max(b[0], x[i * d + f]!));
      }
    }
  } else if (outliers.cells > 0 && settings.outliers === 'drop') {
    outliers.rowsDropped = keepRows((i) => !Array.from({ length: d }, (_, f) => f).some((f) => outside(i, f)));
  }

  // Labels, after rows were dropped.
  const classes = raw.info.classNames;
  const counts = classes.map(() => 0);
  for (let i = 0; i < n; i++) counts[y[i]!]! += 1;
  const present = counts.filter((c) => c > 0).length;
  const what = missing.rowsDropped || outliers.rowsDropped ? ` after dropping ${missing.rowsDropped + outliers.rowsDropped} rows` : '';
  if (present < 2)
    throw new PlaygroundError('incompatible-data', `Only one class is left${what}.`, 'Fill missing values instead of dropping rows, or keep the outliers.');
  const single = classes.filter((_, k) => counts[k] === 1);
  if (single.length)
    throw new PlaygroundError(
      'incompatible-data',
      `Class${single.length > 1 ? 'es' : ''} ${single.map((c) => `"${c}"`).join(', ')} ha${single.length > 1 ? 've' : 's'} a single example${what}, too few to split into training and validation.`,
      'Fill missing values instead of dropping rows, or remove those rows.',
    );
  const labelNotes = [...base.labelNotes];
  const nonzero = counts.filter((c) => c > 0);
  const [most, least] = [Math.max(...nonzero), Math.min(...nonzero)];
  if (most >= 3 * least)
    labelNotes.push(`classes are imbalanced: the largest has ${most} examples, the smallest ${least}; synthetic balancing can even them out in training`);
  const small = classes.filter((_, k) => counts[k]! > 0 && counts[k]! < 5);
  if (small.length)
    labelNotes.push(
      `class${small.length > 1 ? 'es' : ''} ${small.map((c) => `"${c}"`).join(', ')} ha${small.length > 1 ? 've' : 's'} fewer than 5 examples: validation accuracy on ${small.length > 1 ? 'them' : 'it'} is noisy`,
    );
  const absent = classes.filter((_, k) => counts[k] === 0);
  if (absent.length) labelNotes.push(`no examples left of ${absent.map((c) => `"${c}"`).join(', ')}`);

  return { info: { ...raw.info, cleaning: { ...base, missing, outliers, labelNotes } }, examples: { x, y, n }, fit: { fills, bounds } };
}
