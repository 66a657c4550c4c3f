import { compactNumber } from '../core/format';
import type { ObjectiveSettings } from '../core/objective';
import { unrepeatable } from '../core/repeatable';
import { appendedNote } from '../core/appendable';
import type { TrialRecord } from '../contracts/events';
import { bestTrial } from '../contracts/trials';

export function progressLine(done: number, total: number, current: string, columns: number): string {
  const width = 24;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const text = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${current}`;
  return text.length > columns - 1 ? text.slice(0, columns - 2) + '…' : text.padEnd(columns - 1);
}

/**
 * A trial as the CLI's JSON prints it. `testAccuracy` is the accuracy on the held-out test split;
 * a table lookup's is the table's test figure, as before test splits existed; where both exist the
 * table's figure is `reported`.
 */
export function trialJson(t: TrialRecord) {
  const test = t.testAccuracy ?? t.reported?.accuracy;
  return {
    index: t.index,
    encoded: t.encoded,
    genotype: t.genotype,
    accuracy: t.accuracy,
    ...(test !== undefined ? { testAccuracy: test } : {}),
    ...(t.testAccuracy !== undefined && t.reported ? { reported: t.reported } : {}),
    params: t.params,
    flops: t.flops,
    seconds: t.seconds,
    ...(t.data ? { dataVersion: t.data.version, trainExamples: t.data.train } : {}),
  };
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]): string => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** The share link line, with why its result cannot repeat to the digit where that is so. */
export function shareLine(link: string, x: { objective: ObjectiveSettings }, appended = 0): string {
  const notes = [unrepeatable(x), appendedNote(appended)].filter((n) => n !== null);
  return `share link: ${link}${notes.map((n) => `\nnote: ${n}`).join('')}`;
}

/** A plain-text table of trials; `returned` (the trial the search returns, as in the JSON and the page) is marked with *. */
export function formatTable(trials: readonly TrialRecord[], backend: string, dataset: string, returned: TrialRecord | null = bestTrial(trials)): string {
  const best = returned === null ? null : (trials.find((t) => t.index === returned.index) ?? null);
  const reported = trials.find((t) => t.reported)?.reported?.label;
  // Data appended while it ran: each trial's data version (v0: the first file alone) and training examples.
  const grown = trials.some((t) => t.data);
  const rows = trials.map((t) => [
    `${t === best ? '*' : ' '}${t.index + 1}`,
    pct(t.accuracy),
    ...(reported ? [t.reported ? pct(t.reported.accuracy) : '—'] : []),
    compactNumber(t.params),
    compactNumber(t.flops),
    `${t.seconds.toFixed(2)}s`,
    ...(grown ? [t.data ? `v${t.data.version}, ${compactNumber(t.data.train)} rows` : 'v0'] : []),
    t.encoded,
  ]);
  const header = ['#', 'accuracy', ...(reported ? [reported] : []), 'params', 'FLOPs', 'time', ...(grown ? ['data'] : []), 'architecture'];
  return [`${dataset} on ${backend}`, ...table(header, rows)].join('\n');
}

export function formatSeedTable(runs: ReadonlyArray<{ seed: number; best: TrialRecord | null }>, mean: number, std: number): string {
  const reported = runs.find((r) => r.best?.reported)?.best?.reported?.label;
  const rows = runs.map((r) => [
    String(r.seed),
    r.best ? pct(r.best.accuracy) : '—',
    ...(reported ? [r.best?.reported ? pct(r.best.reported.accuracy) : '—'] : []),
    r.best?.encoded ?? '—',
  ]);
  const header = ['seed', 'best accuracy', ...(reported ? [reported] : []), 'returned architecture'];
  return [...table(header, rows), '', `${reported ?? 'accuracy'} of the returned architectures: ${pct(mean)} ± ${pct(std)} over ${runs.length} seeds`].join(
    '\n',
  );
}
