import type { Growth } from './types';

/**
 * A NAS-Bench-201 cell grows node by node: block b places the ops of every edge into node b + 1.
 * A cell of b < 3 blocks outputs its last node through a skip, every edge not placed yet being
 * none, so it is a cell of the benchmark (and of its table) in its own right.
 */
export function nb201Growth(edges: ReadonlyArray<readonly [number, number]>, ops: readonly string[]): Growth {
  const into = (node: number) => edges.flatMap(([, to], e) => (to === node ? [e] : []));
  return {
    blocks: 3,
    expand(choices, b) {
      const placing = into(b + 1);
      return Array.from({ length: ops.length ** placing.length }, (_, i) => {
        const next = [...choices];
        placing.forEach((e, k) => (next[e] = Math.floor(i / ops.length ** k) % ops.length));
        return next;
      });
    },
    features(choices) {
      // Per placed node, the share of each op among its incoming edges, averaged over nodes; then the size.
      const out = new Float64Array(ops.length + 1);
      let placed = 0;
      for (let node = 1; node <= 3; node++) {
        const placedEdges = into(node).filter((e) => choices[e]! >= 0);
        if (placedEdges.length === 0) continue;
        placed += 1;
        for (const e of placedEdges) out[choices[e]!]! += 1 / placedEdges.length;
      }
      for (let k = 0; k < ops.length; k++) out[k] = out[k]! / Math.max(placed, 1);
      out[ops.length] = placed / 3;
      return out;
    },
    partial(choices, b) {
      const cell = edges.map(([from, to], e) => (to <= b ? ops[choices[e]!]! : to === 3 && from === b ? 'skip_connect' : 'none'));
      return { ops: cell };
    },
  };
}
