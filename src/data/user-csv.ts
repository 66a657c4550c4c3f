import Papa from 'papaparse';
import { PlaygroundError } from '../core/errors';
import { fileTooLarge } from '../core/limits';
export { contentHash } from '../core/digest';
import type { CleaningReport, RawDataset } from './types';


/** More distinct words than this in a column is free text, not a category. */
const MAX_CATEGORIES = 20;

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
  const tooLarge = fileTooLarge(name, bytes.length);
  if (tooLarge) throw tooLarge;
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') throw refuse(`${name} is empty.`, 'Choose a CSV file with a header row and at least two classes.');
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' });
  const rows = parsed.data.map((r) => r.map((c) => c.trim()));
  if (rows.length < 2) throw refuse(`${name} has only one row.`, 'A table needs examples: one row each.');
  const isNumber = (c: string) => c !== '' && Number.isFinite(Number(c));
  const hasHeader = rows[0]!.some((c) => c !== '' && !isNumber(c)) && rows[1]!.filter(isNumber).length > rows[0]!.filter(isNumber).length;
  const header = hasHeader ? rows[0]! : rows[0]!.map((_, i) => `column ${i + 1}`);
  const body = hasHeader ? rows.slice(1) : rows;
  const width = header.length;
  if (width < 2) throw refuse(`${name} has a single column.`, 'A table needs at least one feature column and a label column.');
  body.forEach((r, i) => {
    if (r.length !== width) {
      throw refuse(`Row ${i + 1 + (hasHeader ? 1 : 0)} of ${name} has ${r.length} values where the header has ${width}.`, 'Check for a missing or extra comma in that row.');
    }
  });
  // Exact duplicate rows add nothing but weight to one example: keep the first of each.
  const seenRows = new Set<string>();
  const unique = body.filter((r) => {
    const key = r.join('\u0000');
    if (seenRows.has(key)) return false;
    seenRows.add(key);
    return true;
  });
  const duplicates = body.length - unique.length;
  body.splice(0, body.length, ...unique);
  let labelAt = width - 1;
  if (options.label !== undefined) {
    const byName = header.indexOf(options.label);
    const byPosition = /^\d+$/.test(options.label) ? Number(options.label) - 1 : -1;
    labelAt = byName >= 0 ? byName : byPosition >= 0 && byPosition < width ? byPosition : -1;
    if (labelAt < 0) throw refuse(`${name} has no column "${options.label}".`, `Its columns are: ${header.join(', ')}.`);
  }
  // A column with one value everywhere carries no information: drop it and say so.
  const constant = header.map((_, i) => i).filter((i) => i !== labelAt && new Set(body.map((r) => r[i])).size === 1);
  const featureColumns = header.map((_, i) => i).filter((i) => i !== labelAt && !constant.includes(i));
  if (featureColumns.length === 0) throw refuse(`Every feature column of ${name} holds a single value.`, 'A classifier needs at least one column that varies.');
  // Type detection: a column of numbers (a stray word in it is an error to fix), or a few distinct
  // words (a category, one-hot encoded), or free text (refused: an id or a name teaches nothing).
  const isMissing = (cell: string) => cell === '' || cell.toLowerCase() === 'na' || cell.toLowerCase() === 'nan';
  const types: CleaningReport['types'] = [];
  const outputs: Array<{ name: string; value: (row: string[]) => number }> = [];
  for (const col of featureColumns) {
    const present = body.map((r) => r[col]!).filter((c) => !isMissing(c));
    if (present.length === 0) throw refuse(`Column "${header[col]}" of ${name} has no values.`, 'Remove the empty column.');
    const numeric = present.filter(isNumber).length / present.length > 0.5;
    if (numeric) {
      const bad = body.findIndex((r) => !isMissing(r[col]!) && !isNumber(r[col]!));
      if (bad >= 0) {
        throw refuse(`Column "${header[col]}" of ${name} has text ("${body[bad]![col]!.slice(0, 20)}") in row ${bad + 1 + (hasHeader ? 1 : 0)}; features must be numbers.`, 'Fix that cell, leave it empty to have it filled in, or pick the column as the label.');
      }
      types.push({ column: header[col]!, type: 'numeric' });
      outputs.push({ name: header[col]!, value: (r) => (isMissing(r[col]!) ? Number.NaN : Number(r[col]!)) });
      continue;
    }
    const values = [...new Set(present)].sort();
    if (values.length > MAX_CATEGORIES) {
      throw refuse(`Column "${header[col]}" of ${name} has ${values.length} different text values, like "${values[0]!.slice(0, 20)}": it looks like free text or an identifier.`, `Drop it, or reduce it to at most ${MAX_CATEGORIES} categories.`);
    }
    types.push({ column: header[col]!, type: 'categorical', values: values.length });
    for (const value of values) outputs.push({ name: `${header[col]}=${value}`, value: (r) => (isMissing(r[col]!) ? Number.NaN : r[col] === value ? 1 : 0) });
  }
  const n = body.length;
  const width2 = outputs.length;
  const x = new Float32Array(n * width2);
  body.forEach((r, i) => outputs.forEach((o, f) => (x[i * width2 + f] = o.value(r))));
  const labels = body.map((r) => r[labelAt]!);
  if (labels.some((l) => l === '')) throw refuse(`Some rows of ${name} have no label in column "${header[labelAt]}".`, 'Fill in or remove those rows.');
  const classNames = [...new Set(labels)].sort((a, b) => (isNumber(a) && isNumber(b) ? Number(a) - Number(b) : a.localeCompare(b)));
  if (classNames.length < 2) throw refuse(`The label column "${header[labelAt]}" of ${name} has only one class ("${classNames[0]}").`, 'A classifier needs at least two classes; pick another label column.');
  const counts = classNames.map((c) => labels.filter((l) => l === c).length);
  const rare = classNames.filter((_, k) => counts[k]! < 2);
  if (rare.length) throw refuse(`Class${rare.length > 1 ? 'es' : ''} ${rare.map((c) => `"${c}"`).join(', ')} of ${name} ha${rare.length > 1 ? 've' : 's'} a single example, too few to split into training and validation.`, 'Remove those rows or merge rare classes.');
  if (classNames.length > 100) throw refuse(`The label column "${header[labelAt]}" of ${name} has ${classNames.length} distinct values.`, 'Is it a numeric column? Pick the column that holds the classes.');
  const y = Int32Array.from(labels.map((l) => classNames.indexOf(l)));
  return {
    info: {
      id: 'own',
      title: `${name} (${width2} features, ${classNames.length} classes)`,
      kind: 'table',
      input: { height: 1, width: 1, channels: width2 },
      classNames,
      source: 'your file, read on this device',
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
