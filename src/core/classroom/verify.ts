import type { ClassEntry } from './merge';

/** What checking a student's claimed accuracies against the lookup table found. */
export type TableVerdict =
  | { kind: 'holds'; checked: number }
  /** `wrong` trials claim an accuracy the table does not give; `first` is the earliest, 0-based. */
  | { kind: 'wrong'; wrong: number; first: { trial: number; claimed: number; table: number | null } };

/** Claims closer than this to the table hold: the table's float32 values cross the worker boundary exactly, so any real change is far larger. */
const TOLERANCE = 1e-6;

/** The cells to look up, per benchmark dataset, each once: what the page asks the table for. */
export function tableClaims(entries: readonly ClassEntry[]): Array<{ dataset: string; encoded: string[] }> {
  const byDataset = new Map<string, Set<string>>();
  for (const e of entries) {
    if (!e.table) continue;
    const cells = byDataset.get(e.experiment.dataset) ?? new Set<string>();
    for (const t of e.trials) cells.add(t.encoded);
    byDataset.set(e.experiment.dataset, cells);
  }
  return [...byDataset].map(([dataset, cells]) => ({ dataset, encoded: [...cells] }));
}

/**
 * Every claimed accuracy of a table experiment against the table's: `lookup` gives the table's
 * accuracy of a cell on the entry's dataset (undefined when the table has no such cell).
 */
export function verifyAgainstTable(entry: ClassEntry, lookup: (dataset: string, encoded: string) => number | undefined): TableVerdict {
  let wrong = 0;
  let first: { trial: number; claimed: number; table: number | null } | null = null;
  entry.trials.forEach((t, trial) => {
    const table = lookup(entry.experiment.dataset, t.encoded);
    if (table !== undefined && Number.isFinite(table) && Math.abs(table - t.accuracy) <= TOLERANCE) return;
    wrong++;
    first ??= { trial, claimed: t.accuracy, table: table !== undefined && Number.isFinite(table) ? table : null };
  });
  return first ? { kind: 'wrong', wrong, first } : { kind: 'holds', checked: entry.trials.length };
}

/** Each table entry's verdict, by line, from the table's answers to `claims` (tableClaims' order; NaN: no such cell). */
export function verifyClaims(
  entries: readonly ClassEntry[],
  claims: ReadonlyArray<{ dataset: string; encoded: string[] }>,
  answers: ReadonlyArray<readonly number[]>,
): ReadonlyMap<number, TableVerdict> {
  const lookups = new Map(claims.map((c, i) => [c.dataset, new Map(c.encoded.map((e, j) => [e, answers[i]?.[j] ?? Number.NaN]))]));
  const lookup = (dataset: string, encoded: string) => lookups.get(dataset)?.get(encoded);
  return new Map(entries.filter((e) => e.table).map((e) => [e.line, verifyAgainstTable(e, lookup)]));
}
