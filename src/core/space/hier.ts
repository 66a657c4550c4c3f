import * as v from 'valibot';
import { PlaygroundError } from '../errors';
import { HIER_TOKENS, type HierToken } from '../ops/hier';
import type { Rng } from '../rng';
import { int, settingsOf } from '../schema-tools';
import { dagCount, dagPairs, identityChain, orphans, pairCount } from './hier-dag';
import { hierCost } from './hier-cost';
import { describeHier, describeHierStack } from './hier-graph';
import type { ArchGraph, Cost, Decision, InputShape, SearchSpace } from './types';

/**
 * Hierarchical representations (Liu et al. 2018): level-1 primitives are assembled into level-2
 * motifs (small DAGs whose edges hold a primitive or none), level-2 motifs into the level-3 motif
 * (a DAG whose edges hold a level-2 motif, the identity or none), which is the cell. A node
 * concatenates its inputs along the channels. The paper uses 6 level-2 motifs of 4 nodes, one
 * level-3 motif of 5 nodes, cells of C = 16 channels stacked three times with separable-conv
 * reductions between them, and 1 000 random mutations of the trivial genotype to initialise; the
 * defaults here are browser-sized. The paper's concatenation grows the channels at every merge;
 * here a merged node is brought back to C channels by a ReLU-1 × 1 conv-BN, so every motif keeps
 * C channels however it is wired.
 */
export const HIER_SETTINGS = v.object({
  motifs: v.optional(v.pipe(int(1, 6), v.title('Level-2 motifs')), 3),
  motifNodes: v.optional(v.pipe(int(2, 5), v.title('Nodes per level-2 motif')), 4),
  cellNodes: v.optional(v.pipe(int(2, 6), v.title('Nodes of the level-3 motif')), 4),
  cells: v.optional(v.pipe(int(1, 4), v.title('Cells')), 2),
  channels: v.optional(v.pipe(int(2, 32), v.title('Channels')), 8),
  initMutations: v.optional(v.pipe(int(0, 1000), v.title('Random mutations of the trivial genotype')), 50),
});
export type HierSettings = v.InferOutput<typeof HIER_SETTINGS>;

export interface HierGenotype {
  /** Per level-2 motif, the primitive on each pair i < j (see dagPairs), `none` for no edge. */
  motifs: HierToken[][];
  /** The level-3 motif: per pair i < j, `none`, `id` or a level-2 motif `m1`, `m2`… */
  cell: string[];
}

function invalid(where: string, why: string): PlaygroundError {
  return new PlaygroundError(
    'invalid-genotype',
    `Hierarchical genotype: ${where} ${why}.`,
    'A genotype reads like "m1 id none conv1x1 … | m2 … | cell m1 none id …": one op per pair of nodes i < j, every node but the first fed by some edge.',
  );
}

export class HierSpace implements SearchSpace<HierGenotype> {
  static readonly id = 'hierarchical';
  static readonly title = 'Hierarchical (motifs of motifs)';
  readonly id = HierSpace.id;
  readonly title = HierSpace.title;
  readonly settings: HierSettings;
  /** The level-3 motif's options, `none` first: none, id, m1…mM. */
  readonly cellTokens: readonly string[];

  constructor(settings: Partial<HierSettings> = {}) {
    this.settings = settingsOf(HIER_SETTINGS, settings, 'The hierarchical space settings');
    this.cellTokens = ['none', 'id', ...Array.from({ length: this.settings.motifs }, (_, k) => `m${k + 1}`)];
  }

  /** The paper's initialisation: the trivial genotype (identity chains at every level), then random mutations. */
  sample(rng: Rng): HierGenotype {
    let g: HierGenotype = {
      motifs: Array.from({ length: this.settings.motifs }, () => identityChain(this.settings.motifNodes, 'id') as HierToken[]),
      cell: identityChain(this.settings.cellNodes, 'id'),
    };
    for (let k = 0; k < this.settings.initMutations; k++) g = this.mutate(g, rng);
    return g;
  }

  /** The paper's mutation: a level, a motif of it, a pair i < j, and another op of the level below (or none) on that edge. */
  mutate(g: HierGenotype, rng: Rng): HierGenotype {
    const level = rng.pick([2, 3]);
    const motif = level === 2 ? rng.int(this.settings.motifs) : 0;
    const ops = level === 2 ? g.motifs[motif]! : g.cell;
    const n = level === 2 ? this.settings.motifNodes : this.settings.cellNodes;
    const edge = rng.int(pairCount(n));
    const options = this.edgeOptions(level === 2 ? HIER_TOKENS : this.cellTokens, n, ops, edge);
    const next = [...ops];
    next[edge] = rng.pick(options);
    return level === 2
      ? { motifs: g.motifs.map((m, k) => (k === motif ? (next as HierToken[]) : [...m])), cell: [...g.cell] }
      : { motifs: g.motifs.map((m) => [...m]), cell: next };
  }

  /** The ops an edge can change to: any other of its level's, `none` only where its node keeps another input. */
  private edgeOptions(tokens: readonly string[], n: number, ops: readonly string[], edge: number): string[] {
    return tokens.filter(
      (t) =>
        t !== ops[edge] &&
        (t !== 'none' ||
          orphans(
            n,
            ops.map((o, e) => (e === edge ? 'none' : o)),
          ).length === 0),
    );
  }

  neighbours(g: HierGenotype): HierGenotype[] {
    const out: HierGenotype[] = [];
    g.motifs.forEach((ops, m) => {
      ops.forEach((_, e) => {
        for (const t of this.edgeOptions(HIER_TOKENS, this.settings.motifNodes, ops, e)) {
          out.push({ motifs: g.motifs.map((o, k) => (k === m ? (o.map((x, f) => (f === e ? t : x)) as HierToken[]) : [...o])), cell: [...g.cell] });
        }
      });
    });
    g.cell.forEach((_, e) => {
      for (const t of this.edgeOptions(this.cellTokens, this.settings.cellNodes, g.cell, e)) {
        out.push({ motifs: g.motifs.map((o) => [...o]), cell: g.cell.map((x, f) => (f === e ? t : x)) });
      }
    });
    return out;
  }

  encode(g: HierGenotype): string {
    return [...g.motifs.map((ops, m) => `m${m + 1} ${ops.join(' ')}`), `cell ${g.cell.join(' ')}`].join(' | ');
  }

  decode(text: string): HierGenotype {
    const parts = String(text)
      .split('|')
      .map((p) => p.trim().split(/\s+/));
    const cell = parts.pop();
    if (!cell || cell[0] !== 'cell') throw invalid('the text', 'does not end with the level-3 motif ("cell …")');
    parts.forEach((p, m) => {
      if (p[0] !== `m${m + 1}`) throw invalid(`part ${m + 1} ("${p.join(' ')}")`, `does not start with m${m + 1}`);
    });
    return this.parse({ motifs: parts.map((p) => p.slice(1)), cell: cell.slice(1) });
  }

  parse(raw: unknown): HierGenotype {
    const value = raw as Partial<HierGenotype> | null;
    const { motifs: count, motifNodes, cellNodes } = this.settings;
    if (!value || !Array.isArray(value.motifs) || !Array.isArray(value.cell)) throw invalid('the value', 'has no list of motifs and no cell');
    if (value.motifs.length !== count) throw invalid('the motif list', `has ${value.motifs.length} level-2 motifs where this space has ${count}`);
    const check = (ops: unknown, n: number, tokens: readonly string[], name: string): string[] => {
      if (!Array.isArray(ops) || ops.length !== pairCount(n)) throw invalid(name, `needs ${pairCount(n)} ops, one per pair of its ${n} nodes`);
      ops.forEach((op, e) => {
        if (!tokens.includes(op as string))
          throw invalid(`${name}, edge ${dagPairs(n)[e]!.join('→')},`, `has "${String(op)}", not one of ${tokens.join(', ')}`);
      });
      const lonely = orphans(n, ops as string[]);
      if (lonely.length) throw invalid(name, `leaves node ${lonely[0]} without an input`);
      return [...(ops as string[])];
    };
    return {
      motifs: value.motifs.map((ops, m) => check(ops, motifNodes, HIER_TOKENS, `motif ${m + 1}`) as HierToken[]),
      cell: check(value.cell, cellNodes, this.cellTokens, 'the level-3 motif'),
    };
  }

  describe(g: HierGenotype): ArchGraph {
    return describeHier(g, this.settings);
  }

  describeNetwork(_g: HierGenotype): ArchGraph {
    return describeHierStack(this.settings);
  }

  size(): number {
    const { motifs, motifNodes, cellNodes } = this.settings;
    return dagCount(motifNodes, HIER_TOKENS.length) ** motifs * dagCount(cellNodes, this.cellTokens.length);
  }

  cost(g: HierGenotype, input: InputShape, numClasses: number): Cost {
    return hierCost(g, this.settings, input, numClasses);
  }

  decisions(): Decision[] {
    const { motifNodes, cellNodes } = this.settings;
    const level2 = this.settings.motifs;
    return [
      ...Array.from({ length: level2 }, (_, m) =>
        dagPairs(motifNodes).map(([i, j]) => ({ name: `motif ${m + 1} edge ${i}→${j}`, options: HIER_TOKENS })),
      ).flat(),
      ...dagPairs(cellNodes).map(([i, j]) => ({ name: `cell edge ${i}→${j}`, options: this.cellTokens })),
    ];
  }

  toDecisions(g: HierGenotype): number[] {
    return [...g.motifs.flatMap((ops) => ops.map((op) => HIER_TOKENS.indexOf(op))), ...g.cell.map((op) => this.cellTokens.indexOf(op))];
  }

  /** Choices that leave a node without an input get the identity from the node before it, so every choice is a valid genotype. */
  fromDecisions(choices: readonly number[]): HierGenotype {
    const { motifNodes, cellNodes } = this.settings;
    const per = pairCount(motifNodes);
    const repair = (ops: string[], n: number): string[] => {
      for (const j of orphans(n, ops)) ops[dagPairs(n).findIndex(([a, b]) => a === j - 1 && b === j)] = 'id';
      return ops;
    };
    const motifs = Array.from({ length: this.settings.motifs }, (_, m) =>
      repair(
        choices.slice(m * per, (m + 1) * per).map((c) => HIER_TOKENS[c] ?? 'none'),
        motifNodes,
      ),
    );
    const cell = repair(
      choices.slice(this.settings.motifs * per).map((c) => this.cellTokens[c] ?? 'none'),
      cellNodes,
    );
    return this.parse({ motifs, cell });
  }

  checkInput(input: InputShape): string | null {
    const factor = 2 ** (this.settings.cells - 1);
    if (input.height % factor !== 0 || input.width % factor !== 0) {
      return `a reduction between its cells halves the image ${this.settings.cells - 1} times, so height and width must be multiples of ${factor} (this data is ${input.height} × ${input.width})`;
    }
    return null;
  }
}
