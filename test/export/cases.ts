import { createRng } from '../../src/core/rng';
import { CELL_OP_SETS, CellSpace, type CellGenotype, type CellOp, type CellOpSet } from '../../src/core/space/cell';
import { CELL_PRESETS } from '../../src/core/space/cell-presets';
import { CHAIN_OPS, ChainSpace, type ChainGenotype } from '../../src/core/space/chain';
import { HIER_TOKENS, type HierToken } from '../../src/core/ops/hier';
import { HierSpace, type HierGenotype } from '../../src/core/space/hier';
import { MNAS_CONVS, MnasSpace, type MnasGenotype } from '../../src/core/space/mnas';
import { NB201_OPS, Nb201Space } from '../../src/core/space/nb201';
import { RESOLUTION_BLOCKS, ResolutionSpace, type ResolutionGenotype } from '../../src/core/space/resolution';
import type { InputShape, SearchSpace } from '../../src/core/space/types';

export interface ExportCase {
  name: string;
  space: SearchSpace;
  genotype: unknown;
  input: InputShape;
  classes: number;
}

const DIGITS: InputShape = { height: 8, width: 8, channels: 1 };
const RGB16: InputShape = { height: 16, width: 16, channels: 3 };

function sampled(label: string, space: SearchSpace, input: InputShape, count: number, classes = 10): ExportCase[] {
  const rng = createRng(`export-${label}`);
  return Array.from({ length: count }, (_, i) => ({ name: `${label}, sampled #${i + 1}`, space, genotype: space.sample(rng), input, classes }));
}

/** Every op alone on every edge of a small cell, for both op sets; strided in the reduction cells. */
function everyCellOp(): ExportCase[] {
  const ops = [...new Set(Object.values(CELL_OP_SETS).flat())] as CellOp[];
  return ops.map((op) => {
    const set = (Object.keys(CELL_OP_SETS) as CellOpSet[]).find((s) => (CELL_OP_SETS[s] as readonly CellOp[]).includes(op))!;
    const edges: CellGenotype['normal']['edges'] = [
      [op, 0],
      [op, 1],
      [op, 1],
      [op, 2],
      [op, 0],
      [op, 3],
    ];
    const spec = { edges, concat: [2, 3, 4] };
    return {
      name: `cell, ${op} on every edge`,
      space: new CellSpace({ nodes: 3, ops: set, channels: 4 }),
      genotype: { normal: spec, reduce: spec },
      input: DIGITS,
      classes: 10,
    };
  });
}

/** Each primitive on every edge of one motif and on most of another, motifs merged at both levels. */
function everyHierOp(): ExportCase[] {
  const space = new HierSpace({ motifs: 2, channels: 4 }) as SearchSpace;
  return HIER_TOKENS.filter((t) => t !== 'none').map((t: HierToken) => {
    const genotype: HierGenotype = {
      motifs: [Array.from({ length: 6 }, () => t), ['id', t, 'none', 'none', t, t]],
      cell: ['m1', 'id', 'm2', 'none', 'm2', 'm1'],
    };
    return { name: `hierarchical, ${t} on the motifs' edges`, space, genotype, input: DIGITS, classes: 10 };
  });
}

/**
 * The genotypes every exporter is checked on: for every space, a few sampled ones and every op of its
 * vocabulary used throughout (on digits-sized and on 16 × 16 RGB inputs, a chain also on a table's
 * 1 × 1 map and on odd 7 × 7 images), and the published cell presets.
 */
export function exportCases(): ExportCase[] {
  // EXPORT_CASES=<text> keeps only the cases whose name contains it (to check one space's exports alone).
  const only = process.env.EXPORT_CASES;
  return allCases().filter((c) => !only || c.name.includes(only));
}

function allCases(): ExportCase[] {
  const chain = new ChainSpace({ depth: 4 }) as SearchSpace;
  const nb201 = new Nb201Space({ channels: 4, cellsPerStage: 1 }) as SearchSpace;
  const mnas = new MnasSpace() as SearchSpace;
  const resolution = new ResolutionSpace({ layers: 5, levels: 3, channels: 4 }) as SearchSpace;
  const cell = new CellSpace({ channels: 4 }) as SearchSpace;
  const nasnet = new CellSpace({ nodes: 5, ops: 'nasnet', concat: 'unused', channels: 4 }) as SearchSpace;
  const allChain = (op: (typeof CHAIN_OPS)[number]): ChainGenotype => ({
    layers: [0, 1, 2, 3].map((j) => ({ op, width: op.startsWith('conv') ? 6 : null, stride: j === 1 ? 2 : 1, skips: j >= 2 ? [0] : [] })),
  });
  const mnasAll = (conv: (typeof MNAS_CONVS)[number]): MnasGenotype => ({
    stages: [0, 1, 2, 3].map((i) => ({ conv, kernel: i % 2 ? 5 : 3, se: i % 2 ? 0.25 : 0, skip: 'identity', width: 1, layers: 0 })),
  });
  return [
    ...sampled('chain on digits', chain, DIGITS, 3),
    ...sampled('chain on a table', new ChainSpace({ depth: 4, widths: [4, 8] }) as SearchSpace, { height: 1, width: 1, channels: 5 }, 2, 3),
    ...sampled('chain, 6 layers, on 7 × 7', new ChainSpace({ depth: 6 }) as SearchSpace, { height: 7, width: 7, channels: 1 }, 2),
    ...CHAIN_OPS.map((op) => ({ name: `chain, ${op} in every layer`, space: chain, genotype: allChain(op), input: DIGITS, classes: 10 })),
    ...sampled('cell (DARTS ops)', cell, DIGITS, 2),
    ...sampled('cell (NASNet ops, 5 nodes)', nasnet, RGB16, 2),
    ...everyCellOp(),
    ...CELL_PRESETS.map((p) => ({
      name: `preset ${p.title}`,
      space: new CellSpace({ ...p.settings, channels: 4 }) as SearchSpace,
      genotype: p.genotype,
      input: DIGITS,
      classes: 10,
    })),
    ...sampled('nb201', nb201, DIGITS, 3),
    ...sampled('nb201 on 16 × 16 RGB', new Nb201Space({ channels: 6, cellsPerStage: 2 }) as SearchSpace, RGB16, 1, 5),
    ...NB201_OPS.map((op) => ({
      name: `nb201, ${op} on every edge`,
      space: nb201,
      genotype: { ops: Array.from({ length: 6 }, () => op) },
      input: DIGITS,
      classes: 10,
    })),
    ...sampled('mnas', mnas, DIGITS, 3),
    ...MNAS_CONVS.map((conv) => ({ name: `mnas, ${conv} in every stage`, space: mnas, genotype: mnasAll(conv), input: DIGITS, classes: 10 })),
    ...sampled('resolution', resolution, DIGITS, 2),
    ...sampled('resolution on 16 × 16 RGB', resolution, RGB16, 1, 4),
    ...RESOLUTION_BLOCKS.map((block) => ({
      name: `resolution, ${block} blocks, up and down`,
      space: resolution,
      genotype: { path: [1, 2, 1, 0, 0], block } as ResolutionGenotype,
      input: DIGITS,
      classes: 10,
    })),
    ...sampled('hierarchical', new HierSpace({ channels: 4 }) as SearchSpace, DIGITS, 2),
    ...sampled('hierarchical, 3 cells of 5 nodes, on 16 × 16 RGB', new HierSpace({ channels: 4, cells: 3, cellNodes: 5 }) as SearchSpace, RGB16, 1, 4),
    ...everyHierOp(),
  ];
}
