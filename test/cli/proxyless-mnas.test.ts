import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { decodeLink, encodeLink } from '../../src/core/link';

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/search.ts', ...args], { encoding: 'utf8', timeout: 240_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Small: 300 digits, one supernet epoch.
const LINK = encodeLink(
  parseExperiment({
    dataset: 'digits',
    space: 'mnas',
    strategy: 'proxyless',
    data: { maxExamples: 300 },
    strategySettings: { oneShot: { epochs: 1, latencyWeight: 1 } },
  }),
);

describe('--space mnas --strategy proxyless', () => {
  it('searches per-layer blocks end to end, returns the derived network, and prints the latency table it measured', () => {
    const run = cli(['--link', LINK, '--space', 'mnas', '--strategy', 'proxyless', '--latency-target', '2', '--backend', 'wasm', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const j = JSON.parse(run.stdout);
    expect(j.config.strategySettings.oneShot).toMatchObject({ epochs: 1, latencyWeight: 1, latencyTarget: 2 });
    expect(j.trials).toHaveLength(1);
    // Four stages, each one block per layer slot (base layers + 1), the first of each never zero.
    expect(j.best.encoded).toMatch(/^blocks\(mb[36]_k[357](,(mb[36]_k[357]|zero))+\)( \| blocks\(mb[36]_k[357](,(mb[36]_k[357]|zero))+\)){3}$/);
    expect(j.best.testAccuracy).toBeGreaterThanOrEqual(0);
    const table = j.latencyTable as { ms: number[][]; fixed: number; target: number };
    expect(table.ms).toHaveLength(2 + 3 + 3 + 2);
    for (const row of table.ms) {
      expect(row).toHaveLength(7);
      expect(row[0]).toBe(0);
      expect(Math.min(...row.slice(1))).toBeGreaterThan(0);
    }
    expect(table.fixed).toBeGreaterThan(0);
    expect(table.target).toBe(2);
    expect(decodeLink(j.link).experiment).toEqual(j.config);

    const text = cli(['--link', LINK, '--backend', 'wasm']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/latency table \(ms per block on wasm, each at its layer's shape; stem and head [\d.]+ ms\):/);
    expect(text.stdout).toMatch(/stage 4 · layer 1 +- +[\d.]+/);
    expect(text.stdout).toMatch(/derived network by the table: [\d.]+ ms against a target of [\d.]+ ms/);
  }, 480_000);

  it('other weight-sharing methods on mnas are refused, and say why', () => {
    const refused = cli(['--space', 'mnas', '--strategy', 'darts']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /DARTS \(differentiable\) has no supernet of the Hierarchical \(MnasNet stages\) space: only ProxylessNAS \(binarised paths\) trains its supernet/,
    );
  });
});
