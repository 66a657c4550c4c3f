import * as tf from '@tensorflow/tfjs-core';
import { CELL_OP_TABLE, type CellOp, type CellOpId } from '../../core/ops/cell';
import { CELL_OP_SETS, type CellEdge, type CellGenotype, type CellSettings } from '../../core/space/cell';
import { cellPlan } from '../../core/space/cell-cost';
import type { InputShape } from '../../core/space/types';
import { classifierHead, convBn, factorizedReduce } from '../../core/net/blocks';
import type { BuildContext } from '../layers';
import { graphHead, graphLayer } from '../op-factories';
import { edgeCandidate, SharedInput, type EdgeCandidate } from './shared-edge';
import { collectVariables, tracked, type Candidate, type ChooseEdge, type Supernet, type SupernetEdge } from './types';

/** Edge index of (node j, input i) within a cell: node j has j + 2 incoming edges. */
export function cellEdgeIndex(node: number, input: number): number {
  return (node * (node + 3)) / 2 + input;
}

interface CellParts {
  pre0: Candidate;
  pre1: Candidate;
  /** [edge][op] */
  candidates: EdgeCandidate[][];
  reduction: boolean;
}

/**
 * The DARTS supernet over the cell space (DARTS op set, all nodes concatenated): every node reads
 * every earlier node and both cell inputs, and each of those edges holds `none` plus the seven ops.
 * α has one row per edge of the normal cell, then one per edge of the reduction cell.
 */
export class CellSupernet implements Supernet<CellGenotype> {
  readonly ctx: BuildContext;
  readonly ops: readonly CellOpId[];
  readonly edges: SupernetEdge[] = [];
  readonly parameterFree: boolean[];
  readonly noneInGenotypes = false;
  readonly cells: number;
  private readonly stem: Candidate;
  private readonly parts: CellParts[] = [];
  private readonly head: { apply: (x: tf.Tensor4D) => tf.Tensor2D; trainable: tf.Variable[] };
  private readonly perGroup: number;

  constructor(
    private readonly settings: CellSettings,
    input: InputShape,
    classes: number,
    ctx: BuildContext,
    /** Share ReLU and poolings across the edges leaving a state (shared-edge.ts). */
    share = false,
  ) {
    if (settings.ops !== 'darts' || settings.concat !== 'all') {
      throw new Error('The cell supernet needs the DARTS op set with all nodes concatenated.');
    }
    this.ctx = ctx;
    const vocabulary = CELL_OP_SETS.darts;
    this.ops = ['none', ...vocabulary];
    this.parameterFree = this.ops.map((op) => CELL_OP_TABLE[op].parameterFree);
    const B = settings.nodes;
    this.perGroup = cellEdgeIndex(B, 0);
    for (const group of ['normal', 'reduce'] as const) {
      for (let j = 0; j < B; j++) {
        for (let i = 0; i < j + 2; i++) this.edges.push({ group, from: i, to: j + 2, label: `${i < 2 ? `c(k−${2 - i})` : `node ${i - 2}`} → node ${j}` });
      }
    }
    const stemChannels = settings.stemMultiplier * settings.channels;
    this.stem = tracked(ctx, () => graphLayer(ctx, input.channels, (b, x) => convBn(b, x, 'stem', stemChannels, { kernel: 3, relu: 'none' })));
    let cPrevPrev = stemChannels;
    let cPrev = stemChannels;
    let reductionPrev = false;
    const plan = cellPlan(settings);
    this.cells = plan.length;
    for (const { reduction, channels: c } of plan) {
      const pre0 = tracked(ctx, () =>
        graphLayer(ctx, cPrevPrev, (b, x) => (reductionPrev ? factorizedReduce(b, x, 'pre0', c) : convBn(b, x, 'pre0', c, { kernel: 1, relu: 'before' }))),
      );
      const pre1 = tracked(ctx, () => graphLayer(ctx, cPrev, (b, x) => convBn(b, x, 'pre1', c, { kernel: 1, relu: 'before' })));
      const candidates: EdgeCandidate[][] = [];
      for (let j = 0; j < B; j++) {
        for (let i = 0; i < j + 2; i++) {
          const stride = reduction && i < 2 ? 2 : 1;
          candidates.push(this.ops.map((op) => edgeCandidate(ctx, op, { cin: c, cout: c, stride }, share)));
        }
      }
      this.parts.push({ pre0, pre1, candidates, reduction });
      cPrevPrev = cPrev;
      cPrev = B * c;
      reductionPrev = reduction;
    }
    const t = ctx.trainable.length;
    const apply = graphHead(ctx, cPrev, (b, x) => classifierHead(b, x, 'head', classes));
    this.head = { apply, trainable: ctx.trainable.slice(t) };
  }

  private cell(part: CellParts, prevPrev: tf.Tensor4D, prev: tf.Tensor4D, training: boolean, choose: ChooseEdge): tf.Tensor4D {
    const states = [part.pre0.layer!(prevPrev, training), part.pre1.layer!(prev, training)];
    // Every edge leaving a state reads it the same way (same stride): ReLU and poolings once per state.
    const inputs = states.map((s) => new SharedInput(s));
    const offset = part.reduction ? this.perGroup : 0;
    for (let j = 0; j < this.settings.nodes; j++) {
      const terms: tf.Tensor4D[] = [];
      for (let i = 0; i < j + 2; i++) {
        const e = cellEdgeIndex(j, i);
        const choice = choose(offset + e);
        choice.ops.forEach((k, n) => {
          const candidate = part.candidates[e]![k]!;
          if (!candidate.layer) return;
          const out = inputs[i]!.apply(candidate, training);
          terms.push(choice.coefs ? tf.mul(out, choice.coefs[n]!) : out);
        });
      }
      if (terms.length === 0) {
        const [n, h, w, c] = states[0]!.shape;
        terms.push(part.reduction ? tf.zeros([n, Math.ceil(h / 2), Math.ceil(w / 2), c]) : tf.zerosLike(states[0]!));
      }
      states.push(terms.length === 1 ? terms[0]! : terms.length === 2 ? tf.add(terms[0]!, terms[1]!) : (tf.addN(terms) as tf.Tensor4D));
      inputs.push(new SharedInput(states[states.length - 1]!));
    }
    return tf.concat(states.slice(2), 3);
  }

  apply(x: tf.Tensor4D, training: boolean, choose: ChooseEdge): tf.Tensor2D {
    let prevPrev = this.stem.layer!(x, training);
    let prev = prevPrev;
    for (const part of this.parts) [prevPrev, prev] = [prev, this.cell(part, prevPrev, prev, training, choose)];
    return this.head.apply(prev);
  }

  pathOf(g: CellGenotype): number[][] {
    const path = this.edges.map((): number[] => []);
    (['normal', 'reduce'] as const).forEach((which, w) => {
      g[which].edges.forEach(([op, input], e) => {
        path[w * this.perGroup + cellEdgeIndex(Math.floor(e / 2), input)]!.push(this.ops.indexOf(op));
      });
    });
    return path;
  }

  variablesOf(g: CellGenotype): { trainable: tf.Variable[]; statistics: tf.Variable[] } {
    const parts: Candidate[] = [this.stem];
    for (const part of this.parts) {
      const spec = part.reduction ? g.reduce : g.normal;
      parts.push(part.pre0, part.pre1, ...spec.edges.map(([op, input], e) => part.candidates[cellEdgeIndex(Math.floor(e / 2), input)]![this.ops.indexOf(op)]!));
    }
    return collectVariables(parts, this.head.trainable);
  }

  derive(probs: readonly (readonly number[])[], allowed?: readonly (readonly boolean[])[]): CellGenotype {
    const B = this.settings.nodes;
    const cellOf = (offset: number) => {
      const edges: CellEdge[] = [];
      for (let j = 0; j < B; j++) {
        const candidates = Array.from({ length: j + 2 }, (_, i) => {
          const row = offset + cellEdgeIndex(j, i);
          let best = -1;
          for (let k = 1; k < this.ops.length; k++) {
            if (allowed && !allowed[row]![k]) continue;
            if (best < 0 || probs[row]![k]! > probs[row]![best]!) best = k;
          }
          return { input: i, op: best, strength: best < 0 ? -1 : probs[row]![best]! };
        });
        candidates.sort((a, b) => b.strength - a.strength || a.input - b.input);
        for (const c of candidates.slice(0, 2)) edges.push([this.ops[Math.max(c.op, 1)] as CellOp, c.input]);
      }
      return { edges, concat: Array.from({ length: B }, (_, j) => j + 2) };
    };
    return { normal: cellOf(0), reduce: cellOf(this.perGroup) };
  }

  dispose(): void {
    this.ctx.dispose();
  }
}
