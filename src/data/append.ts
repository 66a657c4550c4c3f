import type { AppendReport } from '../contracts/append';
import { PlaygroundError } from '../core/errors';
import type { Split } from '../nn/train';
import { parseAppendedCsv } from './append-csv';
import type { CleaningFit, CleaningSettings } from './clean';
import type { UserFile } from './load';
import type { Examples, RawDataset } from './types';
import { isZip, parseAppendedImages, type ImageReadReport } from './user-images';

/** One appended file's report before the totals are known (they are once the split is made). */
export type AppendCounts = Omit<AppendReport, 'train' | 'total' | 'version'>;

/**
 * Cleaning re-applied to new rows with the first file's statistics, never refitted on them: a
 * missing cell takes the first file's column mean or median, an outlier is judged by the first
 * file's bounds; "drop" drops the row, as it did in the first file.
 */
export function applyCleaningFit(
  ex: Examples,
  d: number,
  fit: CleaningFit,
  settings: CleaningSettings,
): { examples: Examples; filled: number; clipped: number; dropped: number } {
  const x = ex.x.slice();
  const keep: number[] = [];
  let [filled, clipped] = [0, 0];
  for (let i = 0; i < ex.n; i++) {
    let drop = false;
    for (let f = 0; f < d; f++) {
      const at = i * d + f;
      if (Number.isNaN(x[at]!)) {
        if (!fit.fills) drop = true;
        else [x[at], filled] = [fit.fills[f]!, filled + 1];
      }
      const b = fit.bounds[f];
      if (!b || drop || (x[at]! >= b[0] && x[at]! <= b[1])) continue;
      if (settings.outliers === 'drop') drop = true;
      else if (settings.outliers === 'clip') [x[at], clipped] = [Math.min(b[1], Math.max(b[0], x[at]!)), clipped + 1];
    }
    if (!drop) keep.push(i);
  }
  const out = new Float32Array(keep.length * d);
  keep.forEach((i, k) => out.set(x.subarray(i * d, (i + 1) * d), k * d));
  return { examples: { x: out, y: Int32Array.from(keep, (i) => ex.y[i]!), n: keep.length }, filled, clipped, dropped: ex.n - keep.length };
}

/** The appended files' rows (or images), read against the first file and cleaned with its statistics, in the order they came. */
export async function appendedRows(
  first: RawDataset & { report?: ImageReadReport },
  firstFile: UserFile,
  files: readonly UserFile[],
  fit: CleaningFit | undefined,
  settings: CleaningSettings,
): Promise<{ examples: Examples; counts: AppendCounts[] }> {
  const d = first.info.input.channels;
  const parts: Examples[] = [];
  const counts: AppendCounts[] = [];
  for (const file of files) {
    const images = first.info.kind === 'image';
    if (isZip(file.bytes) !== images)
      throw new PlaygroundError(
        'incompatible-data',
        `${file.name} is ${isZip(file.bytes) ? 'a zip' : 'not a zip'}, and the search runs on ${images ? 'images' : 'a table'}.`,
        `Append ${images ? 'a zip of the same class folders' : 'a CSV with the same columns'}; nothing was added.`,
      );
    if (images) {
      if (!file.decode || !first.report)
        throw new PlaygroundError('incompatible-data', `${file.name} holds images, which this context cannot decode.`, 'Open it in the page.');
      const read = await parseAppendedImages(file.bytes, file.name, file.decode, { ...first.report, classNames: first.info.classNames });
      parts.push(read.examples);
      counts.push({ name: file.name, unit: 'images', added: read.examples.n, duplicates: 0, dropped: 0, filled: 0, clipped: 0 });
      continue;
    }
    const read = parseAppendedCsv(file.bytes, file.name, first, firstFile.bytes);
    const cleaned = applyCleaningFit(read.examples, d, fit!, settings);
    parts.push(cleaned.examples);
    counts.push({
      name: file.name,
      unit: 'rows',
      added: cleaned.examples.n,
      duplicates: read.duplicates,
      dropped: cleaned.dropped,
      filled: cleaned.filled,
      clipped: cleaned.clipped,
    });
  }
  return { examples: joinSplits(...parts), counts };
}

/** Splits (or examples) one after the other. */
export function joinSplits(...parts: Split[]): Split {
  const n = parts.reduce((a, p) => a + p.n, 0);
  const x = new Float32Array(parts.reduce((a, p) => a + p.x.length, 0));
  const y = new Int32Array(n);
  let [at, row] = [0, 0];
  for (const p of parts) {
    x.set(p.x, at);
    y.set(p.y, row);
    [at, row] = [at + p.x.length, row + p.n];
  }
  return { x, y, n };
}

/** The last `count` examples of `from` moved to the end of `to`: appended rows that rode through preparation behind the test split. */
export function moveTail(from: Split, to: Split, count: number): { from: Split; to: Split } {
  const size = from.n ? from.x.length / from.n : 0;
  const keep = from.n - count;
  const head: Split = { x: from.x.slice(0, keep * size), y: from.y.slice(0, keep), n: keep };
  const tail: Split = { x: from.x.slice(keep * size), y: from.y.slice(keep), n: count };
  return { from: head, to: joinSplits(to, tail) };
}

/** Each file's report, once the training split holds them all. */
export function appendReports(counts: readonly AppendCounts[], realTrain: number, total: number): AppendReport[] {
  const after = counts.map((_, k) => counts.slice(k + 1).reduce((a, c) => a + c.added, 0));
  return counts.map((c, k) => ({ ...c, train: realTrain - after[k]!, total: total - after[k]!, version: k + 1 }));
}
