import * as tf from '@tensorflow/tfjs-core';
import { NB201_OP_TABLE } from '../../core/ops/nb201';
import { NB201_EDGES, NB201_OPS, type Nb201Genotype, type Nb201Settings } from '../../core/space/nb201';
import type { InputShape } from '../../core/space/types';
import { batchNorm, classifierHead, convBn } from '../../core/net/blocks';
import { reductionBlock } from '../../core/net/describe-nb201';
import type { BuildContext } from '../layers';
import { graphHead, graphLayer } from '../op-factories';
import { edgeCandidate, SharedInput, type EdgeCandidate } from './shared-edge';
import { collectVariables, tracked, type Candidate, type ChooseEdge, type Supernet, type SupernetEdge } from './types';

/** Node j sums the terms of its incoming edges (zero without any); the cell's output is node 3. */
function nb201Forward(x: tf.Tensor4D, terms: (edge: number, input: SharedInput) => tf.Tensor4D[]): tf.Tensor4D {
  // The edges leaving a node share its ReLU and its pooling.
  const nodes = [new SharedInput(x)];
  for (let to = 1; to <= 3; to++) {
    const sum: tf.Tensor4D[] = [];
    NB201_EDGES.forEach(([from, t], e) => {
      if (t === to) sum.push(...terms(e, nodes[from]!));
    });
    nodes.push(new SharedInput(sum.length === 0 ? tf.zerosLike(x) : sum.length === 1 ? sum[0]! : (tf.addN(sum) as tf.Tensor4D)));
  }
  return nodes[3]!.x;
}

type Block = { kind: 'cell'; candidates: EdgeCandidate[][] } | { kind: 'reduce'; part: Candidate };

/** The NAS-Bench-201 supernet: each of the cell's 6 edges holds all 5 ops; α has one row per edge. */
export class Nb201Supernet implements Supernet<Nb201Genotype> {
  readonly ctx: BuildContext;
  readonly ops = NB201_OPS;
  readonly edges: SupernetEdge[] = NB201_EDGES.map(([from, to]) => ({ group: 'cell', from, to, label: `node ${from} → node ${to}` }));
  readonly parameterFree = NB201_OPS.map((op) => NB201_OP_TABLE[op].parameterFree);
  readonly noneInGenotypes = true;
  readonly cells: number;
  private readonly stem: Candidate;
  private readonly blocks: Block[] = [];
  private readonly tail: { lastNorm: Candidate; head: (x: tf.Tensor4D) => tf.Tensor2D; headVars: tf.Variable[] };

  constructor(settings: Nb201Settings, input: InputShape, classes: number, ctx: BuildContext, share = false) {
    this.ctx = ctx;
    const { channels, cellsPerStage } = settings;
    this.cells = 3 * cellsPerStage;
    this.stem = tracked(ctx, () => graphLayer(ctx, input.channels, (b, x) => convBn(b, x, 'stem', channels, { kernel: 3, relu: 'none' })));
    let c = channels;
    for (let stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        const cin = c;
        this.blocks.push({ kind: 'reduce', part: tracked(ctx, () => graphLayer(ctx, cin, (b, x) => reductionBlock(b, x, 'reduce', 2 * cin))) });
        c *= 2;
      }
      for (let i = 0; i < cellsPerStage; i++) {
        const width = c;
        const candidate = (op: (typeof NB201_OPS)[number]) => edgeCandidate(ctx, op, { cin: width, cout: width, stride: 1 }, share);
        this.blocks.push({ kind: 'cell', candidates: NB201_EDGES.map(() => NB201_OPS.map(candidate)) });
      }
    }
    const lastNorm = tracked(ctx, () => graphLayer(ctx, c, (b, x) => batchNorm(b, x, 'last_bn')));
    const t = ctx.trainable.length;
    const head = graphHead(ctx, c, (b, x) => classifierHead(b, x, 'head', classes));
    this.tail = { lastNorm, head, headVars: ctx.trainable.slice(t) };
  }

  private cell(candidates: EdgeCandidate[][], x: tf.Tensor4D, training: boolean, choose: ChooseEdge): tf.Tensor4D {
    return nb201Forward(x, (e, input) => {
      const choice = choose(e);
      return choice.ops.flatMap((k, n) => {
        const candidate = candidates[e]![k]!;
        if (!candidate.layer) return [];
        const out = input.apply(candidate, training);
        return [choice.coefs ? tf.mul(out, choice.coefs[n]!) : out];
      });
    });
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
