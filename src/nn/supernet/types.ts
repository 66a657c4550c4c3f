import type * as tf from '@tensorflow/tfjs-core';
import type { TrellisRow } from '../../core/space/resolution-trellis';
import type { SearchEdgeRef } from '../../core/space/types';
import type { BuildContext, Layer } from '../layers';
import type { LatencyTable } from './mnas-latency';

/** One row of the architecture parameters: a searchable edge of a cell type (shared by every cell of that type), as the space's graphs refer to it. */
export interface SupernetEdge extends SearchEdgeRef {
  label: string;
}

/**
 * What one edge computes in a forward pass: the sum over `ops` (indices into the supernet's op
 * list; `none` adds nothing), each scaled by `coefs[i]` when given. One op is a single path (SPOS,
 * ENAS, a genotype), all ops with softmax weights is DARTS's mixed op, two ops with binary gates is
 * ProxylessNAS's architecture step.
 */
export interface EdgeChoice {
  ops: readonly number[];
  coefs?: readonly tf.Tensor[];
}

export type ChooseEdge = (edge: number) => EdgeChoice;

/** One candidate op on one edge of one cell, with the variables it owns (empty for parameter-free ops). */
export interface Candidate {
  layer: Layer | null;
  trainable: tf.Variable[];
  statistics: tf.Variable[];
}

/**
 * A weight-sharing supernet: every edge of every cell holds every candidate op with its own
 * weights, and any genotype of the space is a sub-network that reuses them.
 */
export interface Supernet<G = unknown> {
  readonly ctx: BuildContext;
  /** Candidate ops, the columns of α; `none` (the zero op) is index 0. */
  readonly ops: readonly string[];
  /** The rows of α. */
  readonly edges: readonly SupernetEdge[];
  /** Whether a genotype may use `none` (NAS-Bench-201), or it is only the zero of the relaxation (DARTS cells). */
  readonly noneInGenotypes: boolean;
  /** Ops with no weights (none, skip, pooling): the ones DARTS collapses towards. */
  readonly parameterFree: readonly boolean[];
  /** Cells in the stacked network (P-DARTS grows it). */
  readonly cells: number;
  /**
   * Auto-DeepLab's β (the resolution space): one choice row per trellis node a path can leave,
   * asked of `choose` after the α rows (row `edges.length + i`), with the moves up, stay, down as columns.
   */
  readonly trellis?: readonly TrellisRow[];
  apply(x: tf.Tensor4D, training: boolean, choose: ChooseEdge): tf.Tensor2D;
  /** The single path of a genotype: per edge, the ops it uses. */
  pathOf(genotype: G): number[][];
  /** A genotype's own variables, in the order the stand-alone builder creates them. */
  variablesOf(genotype: G): { trainable: tf.Variable[]; statistics: tf.Variable[] };
  /**
   * The discrete genotype from per-edge op probabilities: top-2 incoming edges per node without
   * `none` for DARTS cells, the most likely op per edge for NAS-Bench-201; `allowed` masks pruned ops.
   */
  derive(probs: readonly (readonly number[])[], allowed?: readonly (readonly boolean[])[], beta?: readonly (readonly number[])[]): G;
  /** Per edge, the ops it can hold at all, where not every op fits every edge (ProxylessNAS's zero where the shape changes). */
  readonly allowed?: readonly (readonly boolean[])[];
  /** A per-block latency table measured on this device, where the supernet has one (ProxylessNAS's MnasNet space). */
  latencyTable?(): Promise<LatencyTable>;
  dispose(): void;
}

/** Runs `build` and returns what it made with the variables it created on `ctx`. */
export function tracked(ctx: BuildContext, build: () => Layer | null): Candidate {
  const t = ctx.trainable.length;
  const s = ctx.statistics.length;
  const layer = build();
  return { layer, trainable: ctx.trainable.slice(t), statistics: ctx.statistics.slice(s) };
}

/** The variables of some candidates, concatenated in the order given (a stand-alone model's build order). */
export function collectVariables(
  parts: readonly Candidate[],
  extraTrainable: readonly tf.Variable[] = [],
): { trainable: tf.Variable[]; statistics: tf.Variable[] } {
  return { trainable: [...parts.flatMap((c) => c.trainable), ...extraTrainable], statistics: parts.flatMap((c) => c.statistics) };
}
