import { PlaygroundError } from '../core/errors';
export { contentHash } from '../core/digest';
import { isNumberCell as isNumber, readCsvRows } from './csv-rows';
import type { CleaningReport, RawDataset } from './types';

/** More distinct words than this in a column is free text, not a category. */
const MAX_CATEGORIES = 20;
/** More classes than this is a column of numbers or ids picked as the label by mistake. */
const MAX_CLASSES = 100;

/** A value from the file, cut short for a message: a hostile file cannot flood the screen. */
function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function clipList(items: readonly string[], max = 8): string {
  return (
    items
      .slice(0, max)
      .map((s) => clip(s))
      .join(', ') + (items.length > max ? `, … (${items.length} in all)` : '')
  );
}

function refuse(message: string, hint: string): PlaygroundError {
  return new PlaygroundError('incompatible-data', message, hint);
}

export interface UserCsvOptions {
  /** The label column, by header name or 1-based position; the last column by default. */
  label?: string;
  name?: string;
}

/**
 * A table the user brings: a header row (or none), numeric feature columns and a label column of
 * any values. Every refusal says what is wrong, where, and what to do; missing feature values are
 * filled with the column mean and counted.
 */
export function parseUserCsv(bytes: Uint8Array, options: UserCsvOptions = {}): RawDataset {
  const name = options.name ?? 'the file';
  const { header, rows: allRows, hasHeader, encoding } = readCsvRows(bytes, name);
  const width = header.length;
  let labelAt = width - 1;
  if (options.label !== undefined) {
    const byName = header.indexOf(options.label);
    const byPosition = /^\d+$/.test(options.label) ? Number(options.label) - 1 : -1;
    labelAt = byName >= 0 ? byName : byPosition >= 0 && byPosition < width ? byPosition : -1;
    if (labelAt < 0) throw refuse(`${name} has no column "${clip(options.label)}".`, `Its columns are: ${clipList(header)}.`);
  }
  // Classes first: a label with thousands of values is the wrong column, and is refused before the slow work.
  const classSet = new Set<string>();
  for (const r of allRows) {
    classSet.add(r[labelAt]!);
    if (classSet.size > MAX_CLASSES) {
      throw refuse(
        `The label column "${clip(header[labelAt]!)}" of ${name} has more than ${MAX_CLASSES} distinct values.`,
        'Is it a numeric column? Pick the column that holds the classes.',
      );
    }
  }
  // Exact duplicate rows add nothing but weight to one example: keep the first of each.
  const seenRows = new Set<string>();
  const body = allRows.filter((r) => {
    const key = r.join('\u0000');
    if (seenRows.has(key)) return false;
    seenRows.add(key);
    return true;
  });
  const duplicates = allRows.length - body.length;
  // A column with one value everywhere carries no information: drop it and say so.
  const varies = (col: number) => body.some((r) => r[col] !== body[0]![col]);
  const constant = header.map((_, i) => i).filter((i) => i !== labelAt && !varies(i));
  const constantSet = new Set(constant);
  const featureColumns = header.map((_, i) => i).filter((i) => i !== labelAt && !constantSet.has(i));
  if (featureColumns.length === 0) throw refuse(`Every feature column of ${name} holds a single value.`, 'A classifier needs at least one column that varies.');
  // Type detection: a column of numbers (a stray word in it is an error to fix), or a few distinct
  // words (a category, one-hot encoded), or free text (refused: an id or a name teaches nothing).
  const isMissing = (cell: string) => cell === '' || cell.toLowerCase() === 'na' || cell.toLowerCase() === 'nan';
  const types: CleaningReport['types'] = [];
  const outputs: Array<{ name: string; value: (row: string[]) => number }> = [];
  for (const col of featureColumns) {
    let present = 0;
    let numbers = 0;
    for (const r of body) {
      if (isMissing(r[col]!)) continue;
      present++;
      if (isNumber(r[col]!)) numbers++;
    }
    if (present === 0) throw refuse(`Column "${clip(header[col]!)}" of ${name} has no values.`, 'Remove the empty column.');
    if (numbers / present > 0.5) {
      const bad = body.findIndex((r) => !isMissing(r[col]!) && !isNumber(r[col]!));
      if (bad >= 0) {
        throw refuse(
          `Column "${clip(header[col]!)}" of ${name} has text ("${clip(body[bad]![col]!, 20)}") in row ${bad + 1 + (hasHeader ? 1 : 0)}; features must be numbers.`,
          'Fix that cell, leave it empty to have it filled in, or pick the column as the label.',
        );
      }
      types.push({ column: header[col]!, type: 'numeric' });
      outputs.push({ name: header[col]!, value: (r) => (isMissing(r[col]!) ? Number.NaN : Number(r[col]!)) });
      continue;
    }
    const distinct = new Set<string>();
    for (const r of body) if (!isMissing(r[col]!)) distinct.add(r[col]!);
    const values = [...distinct].sort();
    if (values.length > MAX_CATEGORIES) {
      throw refuse(
        `Column "${clip(header[col]!)}" of ${name} has ${values.length} different text values, like "${clip(values[0]!, 20)}": it looks like free text or an identifier.`,
        `Drop it, or reduce it to at most ${MAX_CATEGORIES} categories.`,
      );
    }
    types.push({ column: header[col]!, type: 'categorical', values: values.length });
    for (const value of values) outputs.push({ name: `${header[col]}=${value}`, value: (r) => (isMissing(r[col]!) ? Number.NaN : r[col] === value ? 1 : 0) });
  }
  const n = body.length;
  const width2 = outputs.length;
  const x = new Float32Array(n * width2);
  body.forEach((r, i) => outputs.forEach((o, f) => (x[i * width2 + f] = o.value(r))));
  const labels = body.map((r) => r[labelAt]!);
  if (labels.some((l) => l === '')) throw refuse(`Some rows of ${name} have no label in column "${clip(header[labelAt]!)}".`, 'Fill in or remove those rows.');
  const classNames = [...new Set(labels)].sort((a, b) => (isNumber(a) && isNumber(b) ? Number(a) - Number(b) : a.localeCompare(b)));
  if (classNames.length < 2)
    throw refuse(
      `The label column "${clip(header[labelAt]!)}" of ${name} has only one class ("${clip(classNames[0]!)}").`,
      'A classifier needs at least two classes; pick another label column.',
    );
  const classIndex = new Map(classNames.map((c, k) => [c, k]));
  const y = Int32Array.from(labels, (l) => classIndex.get(l)!);
  const counts = classNames.map(() => 0);
  for (const k of y) counts[k]!++;
  const rare = classNames.filter((_, k) => counts[k]! < 2);
  if (rare.length)
    throw refuse(
      `Class${rare.length > 1 ? 'es' : ''} ${clipList(rare.map((c) => `"${c}"`))} of ${name} ha${rare.length > 1 ? 've' : 's'} a single example, too few to split into training and validation.`,
      'Remove those rows or merge rare classes.',
    );
  return {
    info: {
      id: 'own',
      title: `${name} (${width2} features, ${classNames.length} classes)`,
      kind: 'table',
      input: { height: 1, width: 1, channels: width2 },
      classNames,
      source: `your file, read on this device${encoding === 'utf-8' ? '' : ` (as ${encoding.toUpperCase()} text)`}`,
      columns: outputs.map((o) => o.name),
      labelColumn: header[labelAt]!,
      cleaning: {
        rows: body.length + duplicates,
        duplicates,
        types,
        constant: constant.map((i) => header[i]!),
        missing: { cells: 0, rowsDropped: 0, filledWith: null },
        outliers: { cells: 0, rowsDropped: 0, action: 'keep' },
        labelNotes: [],
      },
    },
    examples: { x, y, n },
  };
}
