import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/args';

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/search.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const table = (count: number, from: number) =>
  `a,b,kind\n${Array.from({ length: count }, (_, k) => `${Math.sin(from + k).toFixed(4)},${((from + k) % 7) / 7},${['x', 'y'][k % 2]}`).join('\n')}\n`;

describe('--append', () => {
  it('adds a CSV to the data after N trials: the later trials train on more rows and say which data version they saw', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nas-append-'));
    writeFileSync(join(dir, 'first.csv'), table(40, 0));
    writeFileSync(join(dir, 'more.csv'), table(30, 1000));
    const run = cli([
      '--data-file',
      join(dir, 'first.csv'),
      '--space',
      'chain',
      '--budget',
      '3',
      '--epochs',
      '1',
      '--append',
      join(dir, 'more.csv'),
      '--append-after',
      '1',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/more\.csv: added 30 rows \(now \d+\); cleaned with the first file's statistics; data version 1/);
    const { trials } = JSON.parse(run.stdout) as { trials: Array<{ dataVersion?: number; trainExamples?: number }> };
    expect(trials[0]!.dataVersion).toBeUndefined();
    expect(trials.slice(1).map((t) => t.dataVersion)).toEqual([1, 1]);
    const table0 = cli([
      '--data-file',
      join(dir, 'first.csv'),
      '--space',
      'chain',
      '--budget',
      '2',
      '--epochs',
      '1',
      '--append',
      join(dir, 'more.csv'),
      '--append-after',
      '1',
    ]);
    expect(table0.code, table0.stderr).toBe(0);
    expect(table0.stdout).toMatch(/data/);
    expect(table0.stdout).toMatch(/v1, \d+ rows/);
    expect(table0.stdout).toMatch(/note: A file was appended to its data while it ran; a link carries no data/);
  });

  it('refuses a file whose columns differ before any trial, and the flag without a CSV of your own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nas-append-'));
    writeFileSync(join(dir, 'first.csv'), table(40, 0));
    writeFileSync(join(dir, 'other.csv'), 'a,c,kind\n1,2,x\n3,4,y\n');
    const bad = cli(['--data-file', join(dir, 'first.csv'), '--budget', '2', '--append', join(dir, 'other.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/other\.csv does not have the first file's columns: it lacks "b" and has "c"/);
    expect(bad.stdout).toBe('');
    expect(cli(['--dataset', 'iris', '--append', join(dir, 'other.csv')]).stderr).toMatch(/--append adds to your own table or images/);
    expect(cli(['--data-file', join(dir, 'first.csv'), '--budget', '2', '--append', join(dir, 'first.csv'), '--append-after', '5']).stderr).toMatch(
      /--append-after must be a whole number of trials below the budget \(2\)/,
    );
    expect(USAGE).toMatch(/--append <path\.csv\|path\.zip>/);
    expect(USAGE).toMatch(/--append-after N/);
  });
});
