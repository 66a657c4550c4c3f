import type { OpId } from '../ops/index';
import type { Rng } from '../rng';

/** Shape of one input example: height × width × channels (tabular and 2-D data use 1 × 1 × C). */
export interface InputShape {
  height: number;
  width: number;
  channels: number;
}

export interface Cost {
  /** Trainable parameters, batch-norm scale and shift included. */
  params: number;
  /** Multiply–accumulates of one forward pass of one example (conv and linear layers), as NAS-Bench-201 counts FLOPs. */
  flops: number;
}

/** What a drawn node is: a network's input or output (or a block drawn like one), a feature map, or an op (its id gives the colour). */
export type ArchKind = 'input' | 'output' | 'node' | OpId;

/** A drawable architecture: plain nodes and links, no tensors, no DOM. */
export interface ArchNode {
  id: string;
  label: string;
  kind: ArchKind;
  detail?: string;
  /** Fixed grid position (column, row), for views that are grids rather than free layouts (a trellis). */
  grid?: { column: number; row: number };
  /** Drawn faintly: a possibility the genotype did not take. */
  faint?: boolean;
  /** In a hierarchical space, the motif (id and name) this node is inside, so a view can collapse it into one node. */
  motif?: { id: string; label: string };
}

/**
 * A searchable edge of a cell: which cell type (`normal` or `reduce` for NASNet/DARTS cells, `cell`
 * for NAS-Bench-201's one) and which nodes it joins, numbered as the space numbers them. A supernet's
 * rows of α are these too, so a drawn edge finds its row by value.
 */
export interface SearchEdgeRef {
  group: 'normal' | 'reduce' | 'cell' | 'layer';
  from: number;
  to: number;
}

export interface ArchEdge {
  from: string;
  to: string;
  /** Operation on the edge (cell spaces), or undefined for a plain data path. */
  op?: OpId;
  /** The searchable edge this is, where it is one. */
  ref?: SearchEdgeRef;
  /** A skip connection in a chain, drawn dashed. */
  skip?: boolean;
  /** A possibility the genotype did not take, drawn faintly. */
  faint?: boolean;
  /** 0..1: how strongly a one-shot search holds this edge (the softmax weight of its op); drawn as the edge's width. */
  weight?: number;
}

export interface ArchGraph {
  nodes: ArchNode[];
  edges: ArchEdge[];
}

/** One categorical choice of a space, for strategies that learn a distribution over choices. */
export interface Decision {
  name: string;
  /** Labels of the options, in index order. */
  options: readonly string[];
}

/**
 * How a cell grows block by block, as PNAS (Liu et al. 2018) searches it: cells of 1, 2, … B
 * blocks, each a network of its own. A cell still growing is a decision vector whose entries for
 * the blocks not yet placed are −1.
 */
export interface Growth {
  /** B: blocks of a whole cell. */
  blocks: number;
  /** Every way to place block `b` (0-based) in `choices`, whose blocks b and later are −1; symmetric duplicates left out. */
  expand(choices: readonly number[], b: number): number[][];
  /** The genotype of the first `b` blocks of `choices` (1 ≤ b ≤ blocks), a network in its own right. */
  partial(choices: readonly number[], b: number): unknown;
  /**
   * Features of a cell of any size that do not depend on which block holds a choice (the paper's
   * MLP predictor averages its blocks' embeddings), so what small cells taught carries to larger ones.
   */
  features(choices: readonly number[]): Float64Array;
}

/**
 * One search space. Genotypes are plain JSON data; `encode` is their canonical, stable string
 * form and the key for caching and dedup. `parse` validates untrusted data once at the edge.
 */
export interface SearchSpace<G = unknown> {
  readonly id: string;
  readonly title: string;
  sample(rng: Rng): G;
  /** A valid genotype that differs from `g` in exactly one decision. */
  mutate(g: G, rng: Rng): G;
  /** Every genotype one decision away from `g`. */
  neighbours(g: G): G[];
  encode(g: G): string;
  /** Inverse of encode; throws PlaygroundError('invalid-genotype') with where and why. */
  decode(text: string): G;
  /** Validates arbitrary data as a genotype of this space. */
  parse(raw: unknown): G;
  describe(g: G): ArchGraph;
  /** For cell spaces, the network the cells are stacked into (the page's "network" view). */
  describeNetwork?(g: G): ArchGraph;
  /** Number of distinct genotypes. */
  size(): number;
  cost(g: G, input: InputShape, numClasses: number): Cost;
  /**
   * The genotype as a fixed-length vector of categorical choices, so generic strategies
   * (REINFORCE, TPE, surrogates) work on any space; `fromDecisions(toDecisions(g))` equals `g`.
   */
  decisions(): Decision[];
  toDecisions(g: G): number[];
  fromDecisions(choices: readonly number[]): G;
  /** Why this space cannot run on inputs of this shape, or null. */
  checkInput(input: InputShape): string | null;
  /** Cell spaces: how a cell grows block by block (PNAS); absent where a space has no blocks. */
  readonly growth?: Growth;
}
