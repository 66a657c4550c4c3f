/** What appending one more file to a running experiment's data did, for the page's line and the CLI. */
export interface AppendReport {
  /** The appended file's name, as the person chose it. */
  name: string;
  /** Rows (or images) read from it that joined the training split. */
  added: number;
  unit: 'rows' | 'images';
  /** Training examples now, and examples in all (training, validation and test; before synthetic ones). */
  train: number;
  total: number;
  /** Rows left out: exact duplicates within the file, or of a row of the first file (which may be a validation or test example). */
  duplicates: number;
  /** Rows dropped by cleaning with the first file's settings (missing values or outliers set to "drop"). */
  dropped: number;
  /** Missing cells filled with the first file's column means or medians, and values clipped to its outlier bounds. */
  filled: number;
  clipped: number;
  /** The data version after it: 1 for the first appended file, 2 for the second… */
  version: number;
}

/** The page's and the CLI's one line about an appended file. */
export function appendLine(r: AppendReport): string {
  const n = (v: number) => v.toLocaleString('en-US').replace(/,/g, ' ');
  const noun = r.added === 1 ? r.unit.slice(0, -1) : r.unit;
  const extras = [
    r.duplicates ? `${n(r.duplicates)} duplicate${r.duplicates === 1 ? '' : 's'} left out` : '',
    r.filled ? `${n(r.filled)} missing cell${r.filled === 1 ? '' : 's'} filled` : '',
    r.clipped ? `${n(r.clipped)} outlier${r.clipped === 1 ? '' : 's'} clipped` : '',
    r.dropped ? `${n(r.dropped)} row${r.dropped === 1 ? '' : 's'} dropped` : '',
  ].filter(Boolean);
  const how = r.unit === 'images' ? "read at the first zip's size, colour and inversion" : "cleaned with the first file's statistics";
  return `${r.name}: added ${n(r.added)} ${noun} (now ${n(r.total)}); ${how}${extras.length ? ` (${extras.join(', ')})` : ''}; data version ${r.version}, used from the next trial on.`;
}
