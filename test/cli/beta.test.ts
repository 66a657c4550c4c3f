import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { encodeLink } from '../../src/core/link';
import { ResolutionSpace } from '../../src/core/space/resolution';
import { pathProbability, trellisRows } from '../../src/core/space/resolution-trellis';

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/search.ts', ...args], { encoding: 'utf8', timeout: 240_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const settings = { layers: 3, levels: 3, channels: 4 };
const experiment = parseExperiment({
  space: 'resolution',
  strategy: 'darts',
  seed: 3,
  data: { maxExamples: 240 },
  spaceSettings: { resolution: settings },
  strategySettings: { oneShot: { epochs: 2 } },
});

describe('Auto-DeepLab from the command line (--space resolution --strategy darts)', () => {
  it('learns β beside α and returns the path Viterbi decodes from the last β', () => {
    const run = cli(['--link', encodeLink(experiment), '--json']);
    expect(run.code, run.stderr).toBe(0);
    const j = JSON.parse(run.stdout);
    const rows = trellisRows(settings.layers, settings.levels);
    expect(j.beta.rows).toEqual(rows.map(({ layer, level }) => ({ layer, level })));
    expect(j.beta.epochs.map((e: { epoch: number }) => e.epoch)).toEqual([1, 2]);
    // Each row of β is a distribution over its moves on the ladder.
    j.beta.probs.forEach((row: number[], i: number) => {
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      row.forEach((p, k) => (rows[i]!.moves[k] ? expect(p).toBeGreaterThan(0) : expect(p).toBeLessThan(1e-6)));
    });
    // β moved from its near-uniform start.
    expect(
      Math.max(
        ...j.beta.probs.flatMap((row: number[], i: number) =>
          row.map((p, k) => (rows[i]!.moves[k] ? Math.abs(p - 1 / rows[i]!.moves.filter(Boolean).length) : 0)),
        ),
      ),
    ).toBeGreaterThan(1e-3);
    // The returned path is the most probable one under the last β, found here by trying every path.
    const space = new ResolutionSpace(settings);
    let best = -1;
    // Every sequence of moves (up, stay, down per layer; the space clamps them to the ladder) covers every path.
    for (let code = 0; code < 3 ** settings.layers; code++) {
      const g = space.fromDecisions([...Array.from({ length: settings.layers }, (_, l) => Math.floor(code / 3 ** l) % 3), 0]);
      best = Math.max(best, pathProbability(rows, j.beta.probs, g.path));
    }
    expect(pathProbability(rows, j.beta.probs, j.beta.path)).toBeGreaterThanOrEqual(best * (1 - 1e-9));
    expect(j.best.genotype.path).toEqual(j.beta.path);
    expect(j.best.encoded).toBe(space.encode(j.best.genotype));
    expect(j.best.testAccuracy).toBeGreaterThanOrEqual(0);
  }, 300_000);
});
