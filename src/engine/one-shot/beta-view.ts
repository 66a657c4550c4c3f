import type { BetaSnapshot } from '../../contracts/events';
import { RESOLUTION_MOVES, type ResolutionGenotype } from '../../core/space/resolution';
import { betaEntropy, moveDelta, type TrellisRow } from '../../core/space/resolution-trellis';
import type { ArchGraph } from '../../core/space/types';

/** β for the page and the CLI: rows, probabilities, the decoded path and how undecided β still is. */
export function betaSnapshot(beta: number[][], rows: readonly TrellisRow[], derived: unknown): BetaSnapshot {
  return {
    moves: [...RESOLUTION_MOVES],
    rows: rows.map(({ layer, level }) => ({ layer, level })),
    probs: beta,
    path: [...(derived as ResolutionGenotype).path],
    entropy: betaEntropy(beta),
  };
}

/**
 * The trellis drawn with β as edge widths: each transition (node `t{layer}-{level}` to the next
 * layer) weighs its move's probability; the decoded path stays the bold, coloured one.
 */
export function trellisWeights(graph: ArchGraph, beta: readonly (readonly number[])[], rows: readonly TrellisRow[]): ArchGraph {
  const weight = new Map<string, number>();
  rows.forEach((row, i) =>
    RESOLUTION_MOVES.forEach((move, k) => {
      if (row.moves[k]) weight.set(`t${row.layer}-${row.level}>t${row.layer + 1}-${row.level + moveDelta(move)}`, beta[i]![k]!);
    }),
  );
  return {
    ...graph,
    edges: graph.edges.map((edge) => {
      const w = weight.get(`${edge.from}>${edge.to}`);
      return w === undefined ? edge : { ...edge, weight: w };
    }),
  };
}
