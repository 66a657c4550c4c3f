import Papa from 'papaparse';
import { PlaygroundError } from '../core/errors';
import { fileTooLarge } from '../core/limits';
export { contentHash } from '../core/digest';
import type { RawDataset } from './types';


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
  const n = body.length;
  const x = new Float32Array(n * featureColumns.length);
  let missing = 0;
  featureColumns.forEach((col, f) => {
    let sum = 0;
    let count = 0;
    body.forEach((r, i) => {
      const cell = r[col]!;
      if (cell === '' || cell.toLowerCase() === 'na' || cell.toLowerCase() === 'nan') {
        x[i * featureColumns.length + f] = Number.NaN;
        return;
      }
      if (!isNumber(cell)) {
        throw refuse(`Column "${header[col]}" of ${name} has text ("${cell.slice(0, 20)}") in row ${i + 1 + (hasHeader ? 1 : 0)}; features must be numbers.`, 'Encode that column as numbers, drop it, or pick it as the label column.');
      }
      const v = Number(cell);
      x[i * featureColumns.length + f] = v;
      sum += v;
      count += 1;
    });
    if (count === 0) throw refuse(`Column "${header[col]}" of ${name} has no values.`, 'Remove the empty column.');
    const mean = sum / count;
    body.forEach((_, i) => {
      if (Number.isNaN(x[i * featureColumns.length + f]!)) {
        x[i * featureColumns.length + f] = mean;
        missing += 1;
      }
    });
  });
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
      title: `${name} (${featureColumns.length} features, ${classNames.length} classes)`,
      kind: 'table',
      input: { height: 1, width: 1, channels: featureColumns.length },
      classNames,
      source: cleaningReport(duplicates, constant.map((i) => header[i]!), missing),
      columns: featureColumns.map((i) => header[i]!),
      labelColumn: header[labelAt]!,
    },
    examples: { x, y, n },
  };
}

/** What the reading changed, in words for the data panel. */
function cleaningReport(duplicates: number, constant: string[], missing: number): string {
  const notes = [
    duplicates ? `${duplicates} duplicate row${duplicates > 1 ? 's' : ''} removed` : '',
    constant.length ? `constant column${constant.length > 1 ? 's' : ''} ${constant.map((c) => `"${c}"`).join(', ')} dropped` : '',
    missing ? `${missing} missing value${missing > 1 ? 's' : ''} filled with column means` : '',
  ].filter(Boolean);
  return notes.length ? `your file, read on this device; ${notes.join('; ')}` : 'your file, read on this device';
}
