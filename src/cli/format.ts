import { compactNumber } from '../core/format';
import type { TrialRecord } from '../engine/events';

export function progressLine(done: number, total: number, current: string, columns: number): string {
  const width = 24;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const text = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${current}`;
  return text.length > columns - 1 ? text.slice(0, columns - 2) + '…' : text.padEnd(columns - 1);
}

/** A plain-text table of trials, best marked with *. */
export function formatTable(trials: readonly TrialRecord[], backend: string, dataset: string): string {
  const best = trials.reduce<TrialRecord | null>((b, t) => (b === null || t.accuracy > b.accuracy ? t : b), null);
  const rows = trials.map((t) => [
    `${t === best ? '*' : ' '}${t.index + 1}`,
    `${(t.accuracy * 100).toFixed(2)}%`,
    compactNumber(t.params),
    compactNumber(t.flops),
    `${t.seconds.toFixed(2)}s`,
    t.encoded,
  ]);
  const header = ['#', 'accuracy', 'params', 'FLOPs', 'time', 'architecture'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]): string => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ');
  return [`${dataset} on ${backend}`, line(header), ...rows.map(line)].join('\n');
}
