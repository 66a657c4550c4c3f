import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/search.ts', ...args], { encoding: 'utf8', timeout: 180_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const TINY = ['--dataset', 'spiral', '--space', 'chain', '--strategy', 'random', '--budget', '2', '--epochs', '1', '--seed', '3', '--backend', 'wasm'];

describe('--eval-depth on the command line', () => {
  it('retrains the returned architecture deeper after the search: best.evalDepth in the JSON, the deeper model exported', () => {
    const out = mkdtempSync(join(tmpdir(), 'nas-eval-depth-'));
    const run = cli([...TINY, '--eval-cells', '8', '--eval-epochs', '2', '--json', '--out', out, '--export', 'onnx']);
    expect(run.code, run.stderr).toBe(0);
    const j = JSON.parse(run.stdout);
    const best = j.best;
    expect(best.evalDepth).toMatchObject({ cells: 8, unit: 'layers', epochs: 2 });
    expect(best.evalDepth.validationAccuracy).toBeGreaterThan(0);
    expect(best.evalDepth.testAccuracy).toBeGreaterThan(0);
    // Twice the searched chain of 4 layers: more parameters than the trial as searched.
    expect(best.evalDepth.params).toBeGreaterThan(best.params);
    expect(best.evalDepth.search).toMatchObject({ depth: 4, epochs: 1, validationAccuracy: best.accuracy, params: best.params });
    expect(j.trials[best.index].evalDepth).toBeUndefined();
    expect(existsSync(join(out, 'model.onnx'))).toBe(true);
    expect(existsSync(join(out, 'eval-depth', 'model.onnx'))).toBe(true);
  });

  it('prints both lines in the table, and the same figures for the same flags', () => {
    const a = cli([...TINY, '--eval-depth', '--eval-epochs', '1']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/search depth\s+4 layers\s+1 ep\s+validation\s+[\d.]+%\s+test\s+[\d.]+%/);
    expect(a.stdout).toMatch(/evaluation depth\s+8 layers\s+1 ep\s+validation\s+[\d.]+%\s+test\s+[\d.]+%/);
    const b = cli([...TINY, '--eval-depth', '--eval-epochs', '1']);
    const figures = (s: string) =>
      s
        .split('\n')
        .filter((l) => l.startsWith('evaluation depth'))
        .map((l) => l.replace(/[\d.]+ s$/, ''));
    expect(figures(b.stdout)).toEqual(figures(a.stdout));
  });

  it('refuses what it cannot retrain, and documents the flags', () => {
    const table = cli(['--evaluator', 'nb201', '--eval-depth']);
    expect(table.code).toBe(2);
    expect(table.stderr).toMatch(/table lookup trains nothing/);
    const seeds = cli([...TINY, '--seeds', '1,2', '--eval-depth']);
    expect(seeds.code).toBe(2);
    expect(seeds.stderr).toMatch(/leave out --seeds/);
    expect(cli([...TINY, '--eval-cells', '0']).stderr).toMatch(/--eval-cells must be a whole number of at least 1/);
    const help = cli(['--help']).stdout;
    expect(help).toMatch(/--eval-depth/);
    expect(help).toMatch(/--eval-cells N/);
    expect(help).toMatch(/--eval-epochs M/);
  });
});
