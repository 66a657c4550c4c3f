import { PlaygroundError } from '../errors';
import { CHAIN_OP_TABLE } from '../ops/chain';
import { NB201_OP_TABLE, type Nb201OpId } from '../ops/nb201';
import type { Rng } from '../rng';
import type { ArchGraph, ArchKind, Cost, Decision, Growth, InputShape, SearchSpace } from './types';
import { nb201Growth } from './nb201-growth';
import * as v from 'valibot';
import { int, settingsOf } from '../schema-tools';
import { nb201NetworkCost } from './nb201-cost';

/**
 * The NAS-Bench-201 cell space (Dong & Yang 2020): a DAG of 4 nodes with one operation on each of
 * its 6 edges. Node j sums op(node i) over i < j; the cell's output is node 3. The network is a
 * 3 × 3 conv stem, three stages of N cells at C, 2C, 4C channels separated by residual reduction
 * blocks, then BN-ReLU, global pooling and a linear classifier.
 */
export const NB201_OPS = Object.keys(NB201_OP_TABLE) as readonly Nb201OpId[];
export type Nb201Op = Nb201OpId;

/** Edge e connects NB201_EDGES[e] = [from, to], in the order of the benchmark's string. */
export const NB201_EDGES: ReadonlyArray<readonly [number, number]> = [
  [0, 1],
  [0, 2],
  [1, 2],
  [0, 3],
  [1, 3],
  [2, 3],
];

export interface Nb201Genotype {
  /** One op per edge, in NB201_EDGES order. */
  ops: Nb201Op[];
}

export const NB201_SETTINGS = v.object({
  /** Channels of the first stage; the later stages use 2× and 4×. */
  channels: v.optional(v.pipe(int(1, 64), v.title('Channels')), 8),
  cellsPerStage: v.optional(v.pipe(int(1, 5), v.title('Cells/stage')), 1),
});
export type Nb201Settings = v.InferOutput<typeof NB201_SETTINGS>;

let uniqueCount: number | null = null;

function invalid(why: string): PlaygroundError {
  return new PlaygroundError(
    'invalid-genotype',
    `NAS-Bench-201 cell: ${why}.`,
    'A cell reads like |nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|.',
  );
}

export class Nb201Space implements SearchSpace<Nb201Genotype> {
  static readonly id = 'nb201';
  static readonly title = 'NAS-Bench-201 cell';
  readonly id = Nb201Space.id;
  readonly title = Nb201Space.title;
  readonly settings: Nb201Settings;
  /** Cells grow node by node (PNAS). */
  readonly growth: Growth = nb201Growth(NB201_EDGES, NB201_OPS);

  constructor(settings: Partial<Nb201Settings> = {}) {
    this.settings = settingsOf(NB201_SETTINGS, settings, 'The NAS-Bench-201 space settings');
  }

  sample(rng: Rng): Nb201Genotype {
    return { ops: NB201_EDGES.map(() => rng.pick(NB201_OPS)) };
  }

  mutate(g: Nb201Genotype, rng: Rng): Nb201Genotype {
    const edge = rng.int(NB201_EDGES.length);
    const others = NB201_OPS.filter((op) => op !== g.ops[edge]);
    const ops = [...g.ops];
    ops[edge] = rng.pick(others);
    return { ops };
  }

  neighbours(g: Nb201Genotype): Nb201Genotype[] {
    const out: Nb201Genotype[] = [];
    g.ops.forEach((current, edge) => {
      for (const op of NB201_OPS) {
        if (op === current) continue;
        const ops = [...g.ops];
        ops[edge] = op;
        out.push({ ops });
      }
    });
    return out;
  }

  encode(g: Nb201Genotype): string {
    const nodes: string[] = [];
    for (let to = 1; to <= 3; to++) {
      const parts = NB201_EDGES.map(([from, t], e) => (t === to ? `${g.ops[e]}~${from}` : null)).filter((p) => p !== null);
      nodes.push(`|${parts.join('|')}|`);
    }
    return nodes.join('+');
  }

  decode(text: string): Nb201Genotype {
    if (typeof text !== 'string') throw invalid('the value is not text');
    const nodes = text.split('+');
    if (nodes.length !== 3) throw invalid(`expected 3 nodes separated by "+", found ${nodes.length}`);
    const ops: Nb201Op[] = [];
    nodes.forEach((node, n) => {
      const to = n + 1;
      if (!node.startsWith('|') || !node.endsWith('|')) throw invalid(`node ${to} ("${node}") must start and end with "|"`);
      const parts = node.slice(1, -1).split('|');
      if (parts.length !== to) throw invalid(`node ${to} must have ${to} inputs, found ${parts.length}`);
      parts.forEach((part, from) => {
        const [op, source] = part.split('~');
        if (source !== String(from)) throw invalid(`input ${from + 1} of node ${to} ("${part}") must read from node ${from}`);
        if (!NB201_OPS.includes(op as Nb201Op)) throw invalid(`unknown op "${op}" (known: ${NB201_OPS.join(', ')})`);
        ops.push(op as Nb201Op);
      });
    });
    return { ops };
  }

  parse(raw: unknown): Nb201Genotype {
    if (typeof raw === 'string') return this.decode(raw);
    const ops = (raw as Nb201Genotype | null)?.ops;
    if (!Array.isArray(ops) || ops.length !== NB201_EDGES.length) throw invalid('expected an object with 6 ops');
    for (const op of ops) if (!NB201_OPS.includes(op as Nb201Op)) throw invalid(`unknown op "${String(op)}"`);
    return { ops: [...ops] };
  }

  describe(g: Nb201Genotype): ArchGraph {
    const label = ['input', 'node 1', 'node 2', 'output'];
    const nodes: ArchGraph['nodes'] = label.map((l, i) => ({ id: `n${i}`, label: l, kind: i === 0 ? 'input' : i === 3 ? 'output' : 'node' }));
    const edges = NB201_EDGES.flatMap(([from, to], e) =>
      g.ops[e] === 'none' ? [] : [{ from: `n${from}`, to: `n${to}`, op: g.ops[e]!, ref: { group: 'cell' as const, from, to } }],
    );
    return { nodes, edges };
  }

  describeNetwork(_g: Nb201Genotype): ArchGraph {
    const { channels, cellsPerStage } = this.settings;
    const nodes: ArchGraph['nodes'] = [
      { id: 'in', label: 'input', kind: 'input' },
      { id: 'stem', label: CHAIN_OP_TABLE.conv_3x3.label, kind: 'conv_3x3', detail: `${channels} ch` },
    ];
    const edges: ArchGraph['edges'] = [{ from: 'in', to: 'stem' }];
    let prev = 'stem';
    const link = (id: string, label: string, kind: ArchKind, detail: string) => {
      nodes.push({ id, label, kind, detail });
      edges.push({ from: prev, to: id });
      prev = id;
    };
    for (let stage = 0; stage < 3; stage++) {
      const c = channels * 2 ** stage;
      if (stage > 0) link(`r${stage}`, 'residual block', 'output', `${c} ch · /2`);
      for (let i = 0; i < cellsPerStage; i++) link(`s${stage}c${i}`, 'searched cell', 'node', `${c} ch`);
    }
    link('out', 'pool + linear', 'output', '');
    return { nodes, edges };
  }

  size(): number {
    return NB201_OPS.length ** NB201_EDGES.length;
  }

  /**
   * A key shared by cells that compute the same function, as the benchmark's own analysis defines
   * it: a none edge (or an edge from a node that is always zero) contributes zero, a skip passes
   * its input's expression through, any other op wraps it; a node is the sorted sum of its terms.
   * Cells with equal keys are isomorphic; 15 625 cells have 6 466 keys.
   */
  canonical(g: Nb201Genotype): string {
    const nodes = ['0'];
    for (let to = 1; to <= 3; to++) {
      const terms: string[] = [];
      NB201_EDGES.forEach(([from, t], e) => {
        if (t !== to) return;
        const op = g.ops[e]!;
        const source = nodes[from]!;
        if (op === 'none' || source === '#') terms.push('#');
        else if (op === 'skip_connect') terms.push(source);
        else terms.push(`(${source})@${op}`);
      });
      nodes.push(terms.sort().join('+'));
    }
    return nodes[3]!;
  }

  /** The number of distinct canonical keys (6 466), counted by enumerating every cell once. */
  uniqueSize(): number {
    uniqueCount ??= (() => {
      const keys = new Set<string>();
      const total = this.size();
      for (let i = 0; i < total; i++) {
        const ops: Nb201Op[] = [];
        for (let e = 0, rest = i; e < NB201_EDGES.length; e++, rest = Math.floor(rest / NB201_OPS.length)) ops.push(NB201_OPS[rest % NB201_OPS.length]!);
        keys.add(this.canonical({ ops }));
      }
      return keys.size;
    })();
    return uniqueCount;
  }

  cost(g: Nb201Genotype, input: InputShape, numClasses: number): Cost {
    return nb201NetworkCost(g, this.settings, input, numClasses);
  }

  decisions(): Decision[] {
    return NB201_EDGES.map(([from, to]) => ({ name: `edge ${from}→${to}`, options: NB201_OPS }));
  }

  toDecisions(g: Nb201Genotype): number[] {
    return g.ops.map((op) => NB201_OPS.indexOf(op));
  }

  fromDecisions(choices: readonly number[]): Nb201Genotype {
    if (choices.length !== NB201_EDGES.length) throw invalid(`expected ${NB201_EDGES.length} choices, got ${choices.length}`);
    return {
      ops: choices.map((c) => {
        const op = NB201_OPS[c];
        if (op === undefined) throw invalid(`choice ${c} is not an op index`);
        return op;
      }),
    };
  }

  checkInput(input: InputShape): string | null {
    if (input.height % 4 !== 0 || input.width % 4 !== 0) {
      return `NAS-Bench-201 networks halve the image twice, so its height and width must be multiples of 4 (this data is ${input.height} × ${input.width}); pick an image dataset or the chain space`;
    }
    return null;
  }
}
