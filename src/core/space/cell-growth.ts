import type { CellEdge, CellGenotype, CellSpace } from './cell';
import type { Growth } from './types';

/**
 * A NASNet/DARTS cell grows node by node. As in PNAS, one cell structure serves as both the normal
 * and the reduction cell (the reduction applies its ops to the cell inputs at stride 2), so block b
 * sets node b of both; a block's two (op, input) pairs are unordered, so each pair of pairs is
 * listed once. A cell of b blocks has b nodes and concatenates them as the space says.
 */
export function cellGrowth(space: CellSpace): Growth {
  const { nodes } = space.settings;
  const ops = space.vocabulary.length;
  const reduceAt = 4 * nodes;
  return {
    blocks: nodes,
    expand(choices, b) {
      const pairs: Array<[number, number]> = [];
      for (let input = 0; input < b + 2; input++) for (let op = 0; op < ops; op++) pairs.push([op, input]);
      const out: number[][] = [];
      pairs.forEach((first, i) => {
        for (const second of pairs.slice(i)) {
          const next = [...choices];
          for (const at of [4 * b, reduceAt + 4 * b]) [next[at], next[at + 1], next[at + 2], next[at + 3]] = [...first, ...second];
          out.push(next);
        }
      });
      return out;
    },
    features(choices) {
      // Per cell type: the share of each op and of each input among the placed nodes' edges; then the size.
      const width = ops + nodes + 1;
      const out = new Float64Array(2 * width + 1);
      [0, reduceAt].forEach((offset, part) => {
        let placed = 0;
        for (let b = 0; b < nodes && choices[offset + 4 * b]! >= 0; b++) {
          placed += 1;
          for (const k of [0, 2]) {
            out[part * width + choices[offset + 4 * b + k]!]! += 0.5;
            out[part * width + ops + choices[offset + 4 * b + k + 1]!]! += 0.5;
          }
        }
        for (let i = 0; i < width; i++) out[part * width + i] = out[part * width + i]! / Math.max(placed, 1);
        out[2 * width] = placed / nodes;
      });
      return out;
    },
    partial(choices, b): CellGenotype {
      const cell = (offset: number) => {
        const edges: CellEdge[] = [];
        for (let k = 0; k < 4 * b; k += 2) edges.push([space.vocabulary[choices[offset + k]!]!, choices[offset + k + 1]!]);
        return { edges, concat: space.concatFor(edges) };
      };
      return { normal: cell(0), reduce: cell(reduceAt) };
    },
  };
}
