import { PlaygroundError } from '../errors';
import * as v from 'valibot';
import type { Rng } from '../rng';
import { CELL_OP_SETS, type CellOp, type CellOpSet } from '../ops/cell';
import { int, settingsOf } from '../schema-tools';
import { cellNetworkCost } from './cell-cost';
import { describeCellNetwork, describeCells } from './cell-graph';
import { cellGrowth } from './cell-growth';
import type { ArchGraph, Cost, Decision, Growth, InputShape, SearchSpace } from './types';

export { CELL_OP_SETS, type CellOp, type CellOpSet } from '../ops/cell';

/** (op, input): input 0 is the cell before last, 1 the last cell, 2 + j the cell's node j. */
export type CellEdge = [CellOp, number];

export interface CellSpec {
  /** Two edges per node, node j's at 2j and 2j + 1. */
  edges: CellEdge[];
  /** Nodes (as inputs: 2 + j) concatenated into the cell's output. */
  concat: number[];
}

export interface CellGenotype {
  normal: CellSpec;
  reduce: CellSpec;
}

export const CELL_SETTINGS = v.object({
  /** B: intermediate nodes per cell. */
  nodes: v.optional(v.pipe(int(1, 7), v.title('Nodes B')), 4),
  ops: v.optional(
    v.pipe(
      v.picklist(['darts', 'nasnet'] as const satisfies readonly CellOpSet[]),
      v.title('Ops'),
      v.metadata({ labels: { darts: 'DARTS', nasnet: 'NASNet' } }),
    ),
    'darts',
  ),
  /** Which nodes form the output of a sampled cell: all of them (DARTS) or those no node reads (NASNet). */
  concat: v.optional(v.picklist(['all', 'unused']), 'all'),
  /** N: normal cells per stage; the network has 3N + 2 cells. */
  cellsPerStage: v.optional(v.pipe(int(1, 10), v.title('Cells N')), 1),
  /** Channels of the first stage's nodes; even, since a factorised reduction halves them. */
  channels: v.optional(
    v.pipe(
      int(2, 64),
      v.check((c) => c % 2 === 0, 'must be even'),
      v.title('Channels'),
      v.metadata({ step: 2 }),
    ),
    8,
  ),
  /** Stem channels = stemMultiplier × channels. */
  stemMultiplier: v.optional(int(1, 4), 3),
});
export type CellSettings = v.InferOutput<typeof CELL_SETTINGS>;

function invalid(where: string, why: string): PlaygroundError {
  return new PlaygroundError(
    'invalid-genotype',
    `Cell genotype: ${where} ${why}.`,
    'A cell lists two (op, input) pairs per node, e.g. sep_conv_3x3~0,skip_connect~1 / … | concat 2,3,4,5.',
  );
}

/** Nodes no other node reads: NASNet concatenates exactly these. */
export function unusedNodes(edges: readonly CellEdge[], nodes: number): number[] {
  const read = new Set(edges.map(([, input]) => input));
  return Array.from({ length: nodes }, (_, j) => j + 2).filter((n) => !read.has(n));
}

/**
 * Cell-based space (NASNet, Zoph et al. 2018; DARTS, Liu et al. 2019): a normal cell keeps the
 * resolution, a reduction cell halves it and doubles the channels. A cell reads the outputs of the
 * two previous cells; each of its B nodes picks two inputs (a cell input or an earlier node) and an
 * operation for each, and sums them; the cell concatenates some of its nodes. The network stacks
 * [N normal, reduction] × 2, N normal after a 3 × 3 stem.
 */
export class CellSpace implements SearchSpace<CellGenotype> {
  static readonly id = 'cell';
  static readonly title = 'Cells (NASNet / DARTS)';
  readonly id = CellSpace.id;
  readonly title = CellSpace.title;
  readonly settings: CellSettings;
  readonly vocabulary: readonly CellOp[];

  constructor(settings: Partial<CellSettings> = {}) {
    this.settings = settingsOf(CELL_SETTINGS, settings, 'The cell space settings');
    this.vocabulary = CELL_OP_SETS[this.settings.ops];
  }

  /** The nodes a cell with these edges concatenates (a cell PNAS is growing has fewer than B nodes). */
  concatFor(edges: CellEdge[]): number[] {
    const count = edges.length / 2;
    return this.settings.concat === 'all' ? Array.from({ length: count }, (_, j) => j + 2) : unusedNodes(edges, count);
  }

  /** Cells grow node by node (PNAS). */
  get growth(): Growth {
    return cellGrowth(this);
  }

  private sampleCell(rng: Rng): CellSpec {
    const edges: CellEdge[] = [];
    for (let j = 0; j < this.settings.nodes; j++) {
      for (let e = 0; e < 2; e++) edges.push([rng.pick(this.vocabulary), rng.int(j + 2)]);
    }
    return { edges, concat: this.concatFor(edges) };
  }

  sample(rng: Rng): CellGenotype {
    return { normal: this.sampleCell(rng), reduce: this.sampleCell(rng) };
  }

  mutate(g: CellGenotype, rng: Rng): CellGenotype {
    return rng.pick(this.neighbours(g));
  }

  neighbours(g: CellGenotype): CellGenotype[] {
    const out: CellGenotype[] = [];
    for (const which of ['normal', 'reduce'] as const) {
      g[which].edges.forEach(([op, input], e) => {
        const node = Math.floor(e / 2);
        const change = (edge: CellEdge) => {
          const edges = g[which].edges.map((x, k): CellEdge => (k === e ? edge : [x[0], x[1]]));
          out.push({ ...g, [which]: { edges, concat: this.concatFor(edges) } });
        };
        for (const other of this.vocabulary) if (other !== op) change([other, input]);
        for (let i = 0; i < node + 2; i++) if (i !== input) change([op, i]);
      });
    }
    return out;
  }

  encode(g: CellGenotype): string {
    const cell = (c: CellSpec) => `${c.edges.map(([op, i]) => `${op}~${i}`).join(',')} | ${c.concat.join(',')}`;
    return `normal: ${cell(g.normal)} ; reduce: ${cell(g.reduce)}`;
  }

  decode(text: string): CellGenotype {
    const m = /^normal: (.*) \| ([\d,]+) ; reduce: (.*) \| ([\d,]+)$/.exec(typeof text === 'string' ? text.trim() : '');
    if (!m) throw invalid('the text', 'is not of the form "normal: op~i,… | concat ; reduce: op~i,… | concat"');
    const cell = (edges: string, concat: string) => ({
      edges: edges.split(',').map((p) => {
        const [op, input] = p.trim().split('~');
        return [op, Number(input)];
      }),
      concat: concat.split(',').map(Number),
    });
    return this.parse({ normal: cell(m[1]!, m[2]!), reduce: cell(m[3]!, m[4]!) });
  }

  parse(raw: unknown): CellGenotype {
    const value = raw as Partial<Record<'normal' | 'reduce', { edges?: unknown; concat?: unknown }>> | null;
    if (typeof value !== 'object' || value === null) throw invalid('the value', 'is not an object with normal and reduce cells');
    const cell = (which: 'normal' | 'reduce', nodes?: number): CellSpec => {
      const spec = value[which];
      if (!spec || !Array.isArray(spec.edges)) throw invalid(`the ${which} cell`, 'has no list of edges');
      // A cell of fewer nodes is one PNAS grows; its reduction cell has as many nodes as its normal one.
      const B = spec.edges.length / 2;
      if (!Number.isInteger(B) || B < 1 || B > this.settings.nodes || (nodes !== undefined && B !== nodes)) {
        const want = nodes ?? this.settings.nodes;
        throw invalid(`the ${which} cell`, `has ${spec.edges.length} edges where ${want} nodes need ${2 * want}`);
      }
      const edges = spec.edges.map((edge, e): CellEdge => {
        const [op, input] = (Array.isArray(edge) ? edge : []) as [unknown, unknown];
        const node = Math.floor(e / 2);
        const where = `the ${which} cell's node ${node} (edge ${e + 1})`;
        if (!this.vocabulary.includes(op as CellOp)) throw invalid(where, `uses "${String(op)}", not one of this space's ops (${this.vocabulary.join(', ')})`);
        if (!Number.isInteger(input) || (input as number) < 0 || (input as number) >= node + 2) {
          throw invalid(where, `reads input ${String(input)}; node ${node} may read 0 to ${node + 1}`);
        }
        return [op as CellOp, input as number];
      });
      const concat = Array.isArray(spec.concat) ? [...new Set(spec.concat as number[])].sort((a, b) => a - b) : [];
      if (concat.length === 0 || concat.some((n) => !Number.isInteger(n) || n < 2 || n >= B + 2)) {
        throw invalid(`the ${which} cell`, `concatenates ${JSON.stringify(spec.concat)}; it must list nodes from 2 to ${B + 1}`);
      }
      return { edges, concat };
    };
    const normal = cell('normal');
    return { normal, reduce: cell('reduce', normal.edges.length / 2) };
  }

  describe(g: CellGenotype): ArchGraph {
    return describeCells(g, g.normal.edges.length / 2);
  }

  describeNetwork(g: CellGenotype): ArchGraph {
    return describeCellNetwork(g, this.settings);
  }

  size(): number {
    const ops = this.vocabulary.length;
    let perCell = 1;
    for (let j = 0; j < this.settings.nodes; j++) perCell *= (ops * (j + 2)) ** 2;
    // Two cells; the concat follows from the edges, so it adds nothing.
    return perCell * perCell;
  }

  cost(g: CellGenotype, input: InputShape, numClasses: number): Cost {
    return cellNetworkCost(g, this.settings, input, numClasses);
  }

  decisions(): Decision[] {
    const out: Decision[] = [];
    for (const which of ['normal', 'reduce'] as const) {
      for (let j = 0; j < this.settings.nodes; j++) {
        for (let e = 0; e < 2; e++) {
          out.push({ name: `${which} node ${j} op ${e + 1}`, options: this.vocabulary });
          out.push({ name: `${which} node ${j} input ${e + 1}`, options: Array.from({ length: j + 2 }, (_, i) => String(i)) });
        }
      }
    }
    return out;
  }

  /** A cell of fewer nodes (PNAS growing it) leaves −1 for the nodes it lacks. */
  toDecisions(g: CellGenotype): number[] {
    const per = 4 * this.settings.nodes;
    return (['normal', 'reduce'] as const).flatMap((w) => {
      const placed = g[w].edges.flatMap(([op, input]) => [this.vocabulary.indexOf(op), input]);
      return [...placed, ...Array.from({ length: per - placed.length }, () => -1)];
    });
  }

  fromDecisions(choices: readonly number[]): CellGenotype {
    if (choices.length !== this.decisions().length)
      throw invalid('the choice list', `has ${choices.length} entries where this space has ${this.decisions().length}`);
    const per = 4 * this.settings.nodes;
    const cell = (offset: number): CellSpec => {
      const edges: CellEdge[] = [];
      for (let k = 0; k < per; k += 2) {
        const op = this.vocabulary[choices[offset + k]!];
        if (!op) throw invalid('a choice', `${choices[offset + k]} is not an op index`);
        edges.push([op, choices[offset + k + 1]!]);
      }
      return { edges, concat: this.concatFor(edges) };
    };
    return this.parse({ normal: cell(0), reduce: cell(per) });
  }

  checkInput(input: InputShape): string | null {
    if (input.height % 4 !== 0 || input.width % 4 !== 0) {
      return `a cell network halves the image twice, so its height and width must be multiples of 4 (this data is ${input.height} × ${input.width}); pick an image dataset or the chain space`;
    }
    return null;
  }
}
