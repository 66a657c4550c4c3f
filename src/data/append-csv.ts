import { PlaygroundError } from '../core/errors';
import { isNumberCell, readCsvRows, type CsvRows } from './csv-rows';
import type { Examples, RawDataset } from './types';

const clip = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);
const list = (items: readonly string[], max = 6) =>
  items
    .slice(0, max)
    .map((s) => `"${clip(s)}"`)
    .join(', ') + (items.length > max ? `, … (${items.length} in all)` : '');
const isMissing = (cell: string) => cell === '' || cell.toLowerCase() === 'na' || cell.toLowerCase() === 'nan';

function refuse(message: string, hint: string): PlaygroundError {
  return new PlaygroundError('incompatible-data', message, hint);
}

/** How the first file's columns became features: a number, or the one-hot indicators of its categories. */
type Encoding = { column: string; type: 'numeric' } | { column: string; type: 'categorical'; values: string[] };

function encodingOf(first: RawDataset): Encoding[] {
  const cleaning = first.info.cleaning!;
  const outputs = first.info.columns ?? [];
  let at = 0;
  return cleaning.types.map((t) => {
    if (t.type === 'numeric') {
      at += 1;
      return { column: t.column, type: 'numeric' };
    }
    const values = outputs.slice(at, at + (t.values ?? 0)).map((o) => o.slice(t.column.length + 1));
    at += t.values ?? 0;
    return { column: t.column, type: 'categorical', values };
  });
}

export interface AppendedRows {
  examples: Examples;
  /** Rows left out as exact duplicates, within the file or of the first file's rows. */
  duplicates: number;
}

/**
 * A CSV file appended to an experiment that searches `first` (the first file, as parsed): read with
 * the same caps, its columns matched to the first file's by name (in any order), its categories and
 * classes mapped with the first file's maps. Whatever differs is refused with what to do; missing
 * cells stay NaN for cleaning to fill with the first file's statistics. Rows that repeat a row of the
 * first file are left out: they may be validation or test examples, and training on them would leak.
 */
export function parseAppendedCsv(bytes: Uint8Array, name: string, first: RawDataset, firstBytes: Uint8Array): AppendedRows {
  const firstRows = readCsvRows(firstBytes, first.info.title);
  const { header, rows } = readCsvRows(bytes, name, firstRows.hasHeader);
  const label = first.info.labelColumn!;
  const encoding = encodingOf(first);
  const constant = first.info.cleaning!.constant;
  const expected = [...encoding.map((e) => e.column), ...constant, label];
  const missing = expected.filter((c) => !header.includes(c));
  const extra = header.filter((c) => !expected.includes(c));
  if (missing.length || extra.length) {
    const parts = [missing.length ? `lacks ${list(missing)}` : '', extra.length ? `has ${list(extra)} that the first file has not` : ''].filter(Boolean);
    throw refuse(
      `${name} does not have the first file's columns: it ${parts.join(' and ')}.`,
      `Give it the same header as the first file (${list(expected, 12)}, in any order); nothing was added, the search goes on as it was.`,
    );
  }
  const at = (column: string) => header.indexOf(column);
  const labelAt = at(label);
  const classIndex = new Map(first.info.classNames.map((c, k) => [c, k]));
  const unseen = [...new Set(rows.map((r) => r[labelAt]!))].filter((c) => !classIndex.has(c));
  if (unseen.length)
    throw refuse(
      `${name} has class${unseen.length > 1 ? 'es' : ''} ${list(unseen.map((c) => (c === '' ? '(no label)' : c)))} in "${clip(label)}" that the first file has not; the networks being searched have one output per class of the first file.`,
      'Remove those rows, or start a new experiment on a file that holds every class; nothing was added.',
    );
  for (const e of encoding) {
    const col = at(e.column);
    const bad = rows.findIndex((r) => !isMissing(r[col]!) && (e.type === 'numeric' ? !isNumberCell(r[col]!) : !e.values.includes(r[col]!)));
    if (bad < 0) continue;
    const cell = clip(rows[bad]![col]!, 20);
    throw e.type === 'numeric'
      ? refuse(
          `Column "${clip(e.column)}" of ${name} has text ("${cell}") in row ${bad + 1}; in the first file it holds numbers.`,
          "Fix that cell, or leave it empty to have it filled with the first file's statistics; nothing was added.",
        )
      : refuse(
          `Column "${clip(e.column)}" of ${name} has the value "${cell}" (row ${bad + 1}), which the first file never has; its values there are ${list(e.values)}.`,
          'Use one of those values, or leave the cell empty to have it filled; nothing was added.',
        );
  }
  const firstKeys = rowKeys(firstRows, expected);
  const seen = new Set<string>();
  const body = rows.filter((r) => {
    const key = expected.map((c) => r[at(c)]!).join('\u0000');
    if (seen.has(key) || firstKeys.has(key)) return false;
    seen.add(key);
    return true;
  });
  const width = first.info.input.channels;
  const x = new Float32Array(body.length * width);
  body.forEach((r, i) => {
    let f = i * width;
    for (const e of encoding) {
      const cell = r[at(e.column)]!;
      if (e.type === 'numeric') x[f++] = isMissing(cell) ? Number.NaN : Number(cell);
      else for (const v of e.values) x[f++] = isMissing(cell) ? Number.NaN : cell === v ? 1 : 0;
    }
  });
  const y = Int32Array.from(body, (r) => classIndex.get(r[labelAt]!)!);
  return { examples: { x, y, n: body.length }, duplicates: rows.length - body.length };
}

/** The first file's rows, keyed by their cells in `columns`' order, to find rows appended again. */
function rowKeys({ header, rows }: CsvRows, columns: string[]): Set<string> {
  const order = columns.map((c) => header.indexOf(c));
  return new Set(rows.map((r) => order.map((k) => r[k]!).join('\u0000')));
}
