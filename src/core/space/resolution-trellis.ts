import { RESOLUTION_MOVES, type ResolutionMove } from './resolution';

/**
 * Auto-DeepLab's network level as numbers (Liu et al. 2019, §4.1–4.3): one row of β per trellis
 * node a path can stand on before a layer, holding the softmax over its outgoing moves (up, stay,
 * down the ladder), the paper's normalisation β_{s→s/2} + β_{s→s} + β_{s→2s} = 1. A node's features
 * are the β-weighted sum of the transitions into it; β reads as a transition probability, so the
 * path is decoded as the most probable one (Viterbi).
 */
export interface TrellisRow {
  /** 0-based: the row moves a path from before layer `layer + 1` into it. */
  layer: number;
  level: number;
  /** Per move of RESOLUTION_MOVES: whether it stays on the ladder. */
  moves: boolean[];
}

export function moveDelta(move: ResolutionMove): number {
  return move === 'down' ? 1 : move === 'up' ? -1 : 0;
}

/** The rows of β: the levels reachable from level 0 before each layer (at most one step a layer). */
export function trellisRows(layers: number, levels: number): TrellisRow[] {
  const rows: TrellisRow[] = [];
  for (let layer = 0; layer < layers; layer++) {
    for (let level = 0; level <= Math.min(layer, levels - 1); level++) {
      const moves = RESOLUTION_MOVES.map((m) => {
        const to = level + moveDelta(m);
        return to >= 0 && to < levels;
      });
      rows.push({ layer, level, moves });
    }
  }
  return rows;
}

/** Index of the row at (layer, level), or -1. */
export function rowIndex(rows: readonly TrellisRow[], layer: number, level: number): number {
  return rows.findIndex((r) => r.layer === layer && r.level === level);
}

/** Per row, the move a path takes out of it, or null where the path does not stand on that node. */
export function movesOfPath(rows: readonly TrellisRow[], path: readonly number[]): (number | null)[] {
  return rows.map((row) => {
    const from = row.layer === 0 ? 0 : path[row.layer - 1]!;
    if (from !== row.level) return null;
    return RESOLUTION_MOVES.findIndex((m) => row.level + moveDelta(m) === path[row.layer]);
  });
}

/** The product of β along a path (its probability as a Markov chain from level 0). */
export function pathProbability(rows: readonly TrellisRow[], beta: readonly (readonly number[])[], path: readonly number[]): number {
  return movesOfPath(rows, path).reduce<number>((p, m, i) => (m === null ? p : p * beta[i]![m]!), 1);
}

/**
 * The path with the largest product of β (Viterbi over the trellis, in logs): one level after each
 * layer, starting from level 0 and ending wherever the best path ends. Ties keep the lower level.
 */
export function viterbiPath(rows: readonly TrellisRow[], beta: readonly (readonly number[])[], layers: number, levels: number): number[] {
  let score = Array.from({ length: levels }, (_, r) => (r === 0 ? 0 : -Infinity));
  const back: number[][] = [];
  for (let layer = 0; layer < layers; layer++) {
    const next = Array.from({ length: levels }, () => -Infinity);
    const from = Array.from({ length: levels }, () => -1);
    rows.forEach((row, i) => {
      if (row.layer !== layer || score[row.level] === -Infinity) return;
      RESOLUTION_MOVES.forEach((m, k) => {
        if (!row.moves[k]) return;
        const to = row.level + moveDelta(m);
        const value = score[row.level]! + Math.log(beta[i]![k]!);
        // Rows come in rising level, so a tie keeps the lower level it came from.
        if (from[to]! < 0 || value > next[to]!) {
          next[to] = value;
          from[to] = row.level;
        }
      });
    });
    back.push(from);
    score = next;
  }
  let level = 0;
  score.forEach((s, r) => {
    if (s > score[level]!) level = r;
  });
  const path: number[] = [];
  for (let layer = layers - 1; layer >= 0; layer--) {
    path.unshift(level);
    level = back[layer]![level]!;
  }
  return path;
}

/** Mean entropy (nats) of β's rows over the moves each allows: log 3 (or log 2 at the ladder's ends) is undecided, 0 is one-hot. */
export function betaEntropy(beta: readonly (readonly number[])[]): number {
  if (beta.length === 0) return 0;
  const h = beta.map((row) => -row.reduce((s, p) => (p > 0 ? s + p * Math.log(p) : s), 0));
  return h.reduce((a, b) => a + b, 0) / h.length;
}
