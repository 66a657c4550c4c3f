import * as tf from '@tensorflow/tfjs-core';
import { NB201_EDGES, NB201_OPS, nb201ConvKernel, type Nb201Genotype, type Nb201Op, type Nb201Settings } from '../../core/space/nb201';
import type { InputShape } from '../../core/space/types';
import { reductionBlock } from '../build-nb201';
import { batchNorm, BuildContext, classifierHead, convLayer } from '../layers';
import { avgPool } from '../ops';
import { collectVariables, tracked, type Candidate, type ChooseEdge, type Supernet, type SupernetEdge } from './types';

type Block = { kind: 'cell'; candidates: Candidate[][] } | { kind: 'reduce'; part: Candidate };

function candidate(ctx: BuildContext, op: Nb201Op, channels: number): Candidate {
  const k = nb201ConvKernel(op);
  if (k !== null) return tracked(ctx, () => convLayer(ctx, channels, channels, { kernel: k, relu: 'before' }));
  const layer = op === 'skip_connect' ? (x: tf.Tensor4D) => x : op === 'avg_pool_3x3' ? (x: tf.Tensor4D) => avgPool(x, 3, 1) : null;
  return { layer, trainable: [], statistics: [] };
}

/** The NAS-Bench-201 supernet: each of the cell's 6 edges holds all 5 ops; α has one row per edge. */
export class Nb201Supernet implements Supernet<Nb201Genotype> {
  readonly ctx: BuildContext;
  readonly ops: readonly string[] = NB201_OPS;
  readonly edges: SupernetEdge[] = NB201_EDGES.map(([from, to]) => ({ group: 'cell', from, to, label: `node ${from} → node ${to}` }));
  readonly parameterFree = NB201_OPS.map((op) => nb201ConvKernel(op) === null);
  readonly noneInGenotypes = true;
  readonly cells: number;
  private readonly stem: Candidate;
  private readonly blocks: Block[] = [];
  private readonly tail: { lastNorm: Candidate; head: (x: tf.Tensor4D) => tf.Tensor2D; headVars: tf.Variable[] };

  constructor(settings: Nb201Settings, input: InputShape, classes: number, ctx: BuildContext) {
    this.ctx = ctx;
    const { channels, cellsPerStage } = settings;
    this.cells = 3 * cellsPerStage;
    this.stem = tracked(ctx, () => convLayer(ctx, input.channels, channels, { kernel: 3, relu: 'none' }));
    let c = channels;
    for (let stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        const cin = c;
        this.blocks.push({ kind: 'reduce', part: tracked(ctx, () => reductionBlock(ctx, cin, 2 * cin)) });
        c *= 2;
      }
      for (let i = 0; i < cellsPerStage; i++) {
        const width = c;
        this.blocks.push({ kind: 'cell', candidates: NB201_EDGES.map(() => NB201_OPS.map((op) => candidate(ctx, op, width))) });
      }
    }
    const lastNorm = tracked(ctx, () => batchNorm(ctx, c));
    const t = ctx.trainable.length;
    const head = classifierHead(ctx, c, classes);
    this.tail = { lastNorm, head, headVars: ctx.trainable.slice(t) };
  }

  private cell(candidates: Candidate[][], x: tf.Tensor4D, training: boolean, choose: ChooseEdge): tf.Tensor4D {
    const nodes: tf.Tensor4D[] = [x];
    for (let to = 1; to <= 3; to++) {
      const terms: tf.Tensor4D[] = [];
      NB201_EDGES.forEach(([from, t], e) => {
        if (t !== to) return;
        const choice = choose(e);
        choice.ops.forEach((k, n) => {
          const layer = candidates[e]![k]!.layer;
          if (!layer) return;
          const out = layer(nodes[from]!, training);
          terms.push(choice.coefs ? tf.mul(out, choice.coefs[n]!) : out);
        });
      });
      nodes.push(terms.length === 0 ? tf.zerosLike(x) : terms.length === 1 ? terms[0]! : (tf.addN(terms) as tf.Tensor4D));
    }
    return nodes[3]!;
  }

  apply(x: tf.Tensor4D, training: boolean, choose: ChooseEdge): tf.Tensor2D {
    let h = this.stem.layer!(x, training);
    for (const block of this.blocks) h = block.kind === 'reduce' ? block.part.layer!(h, training) : this.cell(block.candidates, h, training, choose);
    return this.tail.head(tf.relu(this.tail.lastNorm.layer!(h, training)));
  }

  pathOf(g: Nb201Genotype): number[][] {
    return g.ops.map((op) => [NB201_OPS.indexOf(op)]);
  }

  variablesOf(g: Nb201Genotype): { trainable: tf.Variable[]; statistics: tf.Variable[] } {
    const parts: Candidate[] = [this.stem];
    for (const block of this.blocks) {
      if (block.kind === 'reduce') parts.push(block.part);
      else parts.push(...g.ops.map((op, e) => block.candidates[e]![NB201_OPS.indexOf(op)]!));
    }
    parts.push(this.tail.lastNorm);
    return collectVariables(parts, this.tail.headVars);
  }

  derive(probs: readonly (readonly number[])[], allowed?: readonly (readonly boolean[])[]): Nb201Genotype {
    return {
      ops: probs.map((row, e) => {
        let best = -1;
        row.forEach((p, k) => {
          if (allowed && !allowed[e]![k]) return;
          if (best < 0 || p > row[best]!) best = k;
        });
        return NB201_OPS[best]!;
      }),
    };
  }

  dispose(): void {
    this.ctx.dispose();
  }
}
