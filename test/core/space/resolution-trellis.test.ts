import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { RESOLUTION_MOVES, ResolutionSpace } from '../../../src/core/space/resolution';
import { betaEntropy, moveDelta, pathProbability, trellisRows, viterbiPath, type TrellisRow } from '../../../src/core/space/resolution-trellis';

/** Every path of `layers` steps from level 0 that stays on a ladder of `levels`, by enumeration. */
function allPaths(layers: number, levels: number): number[][] {
  let paths: number[][] = [[]];
  for (let l = 0; l < layers; l++) {
    paths = paths.flatMap((p) => {
      const at = p.length === 0 ? 0 : p[p.length - 1]!;
      return RESOLUTION_MOVES.map((m) => at + moveDelta(m)).flatMap((to) => (to >= 0 && to < levels ? [[...p, to]] : []));
    });
  }
  return paths;
}

/** A random β: each row a softmax-like distribution over the moves that stay on the ladder (0 elsewhere). */
function randomBeta(rows: readonly TrellisRow[], seed: string): number[][] {
  const rng = createRng(seed);
  return rows.map((row) => {
    const raw = row.moves.map((ok) => (ok ? Math.exp(2 * rng.normal()) : 0));
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((v) => v / sum);
  });
}

/** The brute-force answer: the largest product of β over all paths, and every path that reaches it. */
function bruteForce(rows: readonly TrellisRow[], beta: number[][], layers: number, levels: number): { best: number; argmax: string[] } {
  const scored = allPaths(layers, levels).map((p) => ({ p, prob: pathProbability(rows, beta, p) }));
  const best = Math.max(...scored.map((s) => s.prob));
  return { best, argmax: scored.filter((s) => s.prob >= best * (1 - 1e-12)).map((s) => s.p.join(' ')) };
}

describe('Auto-DeepLab path decoding (Viterbi over β)', () => {
  it('hand-made β: the decoded path is the one with the largest product of β among all paths', () => {
    const layers = 3;
    const levels = 3;
    const rows = trellisRows(layers, levels);
    // Layer 0 leans to stay (0.6) but the stay path is then poor; going down pays later.
    const hand: Record<string, number[]> = {
      '0,0': [0, 0.6, 0.4],
      '1,0': [0, 0.5, 0.5],
      '1,1': [0.05, 0.05, 0.9],
      '2,0': [0, 0.5, 0.5],
      '2,1': [0.1, 0.1, 0.8],
      '2,2': [0.95, 0.05, 0],
    };
    const beta = rows.map((r) => hand[`${r.layer},${r.level}`]!);
    const { best, argmax } = bruteForce(rows, beta, layers, levels);
    const path = viterbiPath(rows, beta, layers, levels);
    expect(pathProbability(rows, beta, path)).toBeCloseTo(best, 12);
    expect(argmax).toContain(path.join(' '));
    // The greedy walk (best move at each node) would stay at level 0 and is worse here.
    expect(pathProbability(rows, beta, [0, 0, 0])).toBeLessThan(best);
  });

  it.each([
    [1, 2],
    [4, 3],
    [6, 4],
    [7, 5],
  ])('random β over %i layers and %i levels: Viterbi reaches the brute-force maximum', (layers, levels) => {
    const rows = trellisRows(layers, levels);
    for (let trial = 0; trial < 20; trial++) {
      const beta = randomBeta(rows, `beta-${layers}-${levels}-${trial}`);
      const { best, argmax } = bruteForce(rows, beta, layers, levels);
      const path = viterbiPath(rows, beta, layers, levels);
      expect(argmax, `trial ${trial}`).toContain(path.join(' '));
      expect(pathProbability(rows, beta, path)).toBeCloseTo(best, 12);
      // What it decodes is a path of the space.
      expect(() => new ResolutionSpace({ layers, levels }).parse({ path, block: 'conv3x3' })).not.toThrow();
    }
  });

  it('trellis rows: one per node a path can leave, with the moves that stay on the ladder', () => {
    const rows = trellisRows(3, 2);
    expect(rows.map((r) => `${r.layer},${r.level}:${r.moves.map(Number).join('')}`)).toEqual(['0,0:011', '1,0:011', '1,1:110', '2,0:011', '2,1:110']);
    // Enumeration and the space agree on how many paths there are.
    expect(allPaths(6, 4).length * 4).toBe(new ResolutionSpace({ layers: 6, levels: 4 }).size());
  });

  it('β entropy: log 3 for uniform rows of three moves, 0 for one-hot rows', () => {
    expect(betaEntropy([[1 / 3, 1 / 3, 1 / 3]])).toBeCloseTo(Math.log(3), 12);
    expect(betaEntropy([[0, 1, 0]])).toBe(0);
  });
});
