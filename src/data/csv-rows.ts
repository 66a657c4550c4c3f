import Papa from 'papaparse';
import { PlaygroundError } from '../core/errors';
import { fileTooLarge } from '../core/limits';
import { decodeCsvText } from './csv-text';

/** A CSV file read into cells: its header (named "column N" where the file has none) and its rows. */
export interface CsvRows {
  header: string[];
  rows: string[][];
  hasHeader: boolean;
  encoding: string;
}

export const isNumberCell = (c: string) => c !== '' && Number.isFinite(Number(c));

function refuse(message: string, hint: string): PlaygroundError {
  return new PlaygroundError('incompatible-data', message, hint);
}

/**
 * Reads a CSV table the user brings, within the size cap: text decoding, delimiter, decimal commas
 * of spreadsheets, a header row or none (`header0`: known, as for a file appended to one), and every row as wide as the header. Shared by the first
 * file and the files appended to a running experiment, so both are read alike.
 */
export function readCsvRows(bytes: Uint8Array, name: string, header0?: boolean): CsvRows {
  const tooLarge = fileTooLarge(name, bytes.length);
  if (tooLarge) throw tooLarge;
  const { text, encoding } = decodeCsvText(bytes);
  if (text.trim() === '') throw refuse(`${name} is empty.`, 'Choose a CSV file with a header row and at least two classes.');
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy', newline: '\n' });
  const rows = parsed.data;
  // Spreadsheets that separate values with semicolons or tabs write decimals with a comma (1,5).
  const decimalComma = parsed.meta.delimiter !== ',';
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c]!.trim();
      row[c] = decimalComma && /^[-+]?\d+,\d+$/.test(cell) ? cell.replace(',', '.') : cell;
    }
  }
  if (rows.length < 2) throw refuse(`${name} has only one row.`, 'A table needs examples: one row each.');
  const hasHeader =
    header0 ?? (rows[0]!.some((c) => c !== '' && !isNumberCell(c)) && rows[1]!.filter(isNumberCell).length > rows[0]!.filter(isNumberCell).length);
  const header = hasHeader ? rows[0]! : rows[0]!.map((_, i) => `column ${i + 1}`);
  const allRows = hasHeader ? rows.slice(1) : rows;
  const width = header.length;
  if (width < 2) throw refuse(`${name} has a single column.`, 'A table needs at least one feature column and a label column.');
  for (let i = 0; i < allRows.length; i++) {
    const r = allRows[i]!;
    if (r.length !== width) {
      throw refuse(
        `Row ${i + 1 + (hasHeader ? 1 : 0)} of ${name} has ${r.length} values where the header has ${width}.`,
        'Check for a missing or extra comma in that row.',
      );
    }
  }
  return { header, rows: allRows, hasHeader, encoding };
}
