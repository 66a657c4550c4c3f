import * as tf from '@tensorflow/tfjs-core';
import { classifierHead, convBn } from '../../core/net/blocks';
import { RESOLUTION_BLOCKS, RESOLUTION_MOVES, resolutionOpId, type ResolutionGenotype, type ResolutionSettings } from '../../core/space/resolution';
import { moveDelta, movesOfPath, trellisRows, viterbiPath, type TrellisRow } from '../../core/space/resolution-trellis';
import type { InputShape } from '../../core/space/types';
import type { BuildContext } from '../layers';
import { buildOp, graphHead, graphLayer } from '../op-factories';
import { collectVariables, tracked, type Candidate, type ChooseEdge, type Supernet, type SupernetEdge } from './types';

/** One transition of the trellis: the move's resampling (none to stay) and, after it, every candidate block with its own weights. */
interface Transition {
  to: number;
  resample: Candidate;
  blocks: Candidate[];
}

/**
 * Auto-DeepLab's supernet over the resolution space (Liu et al. 2019, eq. 6): every node (layer,
 * level) of the trellis holds the β-weighted sum of the transitions into it, each transition its
 * own weights (resampling as the stand-alone network's step, then the block as a mixed op over α
 * plus the residual), and one classifier head per level a path can end on, their logits summed as
 * the paper sums its per-level ASPP outputs. Choice row 0 is the block (α); rows 1… are β's, one
 * per trellis node a path can leave (its `trellis`), with the moves up, stay, down as columns.
 */
export class ResolutionSupernet implements Supernet<ResolutionGenotype> {
  readonly ctx: BuildContext;
  readonly ops = RESOLUTION_BLOCKS;
  readonly edges: SupernetEdge[] = [{ group: 'cell', from: 0, to: 0, label: 'block (every transition)' }];
  readonly parameterFree = RESOLUTION_BLOCKS.map(() => false);
  readonly noneInGenotypes = false;
  readonly cells: number;
  readonly trellis: TrellisRow[];
  private readonly stem: Candidate;
  /** [row][move]: null where the move leaves the ladder. */
  private readonly transitions: (Transition | null)[][];
  private readonly heads: Array<{ apply: (x: tf.Tensor4D) => tf.Tensor2D; trainable: tf.Variable[] } | null>;

  constructor(
    private readonly settings: ResolutionSettings,
    input: InputShape,
    classes: number,
    ctx: BuildContext,
  ) {
    this.ctx = ctx;
    const { layers, levels, channels } = settings;
    this.cells = layers;
    this.trellis = trellisRows(layers, levels);
    const width = (r: number) => channels * 2 ** r;
    this.stem = tracked(ctx, () => graphLayer(ctx, input.channels, (b, x) => convBn(b, x, 'stem', channels, { kernel: 3 })));
    this.transitions = this.trellis.map((row) =>
      RESOLUTION_MOVES.map((move, k) => {
        if (!row.moves[k]) return null;
        const to = row.level + moveDelta(move);
        const cin = width(row.level);
        const cout = width(to);
        const scope = `steps.${row.layer}`;
        const resample = tracked(ctx, () =>
          graphLayer(ctx, cin, (b, x) =>
            to > row.level
              ? convBn(b, x, `${scope}.transition`, cout, { kernel: 3, stride: 2 })
              : to < row.level
                ? convBn(b, b.add({ kind: 'upsample' }, [x], scope), `${scope}.transition`, cout, { kernel: 1 })
                : null,
          ),
        );
        const blocks = RESOLUTION_BLOCKS.map((block) => tracked(ctx, () => buildOp(ctx, resolutionOpId(block), { cin: cout, cout, stride: 1 })));
        return { to, resample, blocks };
      }),
    );
    this.heads = Array.from({ length: levels }, (_, r) => {
      if (r > layers) return null;
      const t = ctx.trainable.length;
      const apply = graphHead(ctx, width(r), (b, x) => classifierHead(b, x, 'head', classes));
      return { apply, trainable: ctx.trainable.slice(t) };
    });
  }

  /** The transition's output: its resampled input plus the block (the single op, or α's mixture). */
  private step(t: Transition, h: tf.Tensor4D, training: boolean, block: ReturnType<ChooseEdge>): tf.Tensor4D {
    const x = t.resample.layer ? t.resample.layer(h, training) : h;
    const terms = block.ops.map((k, n) => {
      const out = t.blocks[k]!.layer!(x, training);
      return block.coefs ? tf.mul(out, block.coefs[n]!) : out;
    });
    return tf.addN([x, ...terms]) as tf.Tensor4D;
  }

  apply(x: tf.Tensor4D, training: boolean, choose: ChooseEdge): tf.Tensor2D {
    const block = choose(0);
    let nodes = new Map<number, tf.Tensor4D>([[0, this.stem.layer!(x, training)]]);
    for (let layer = 0; layer < this.settings.layers; layer++) {
      const incoming = new Map<number, tf.Tensor4D[]>();
      this.trellis.forEach((row, i) => {
        const h = row.layer === layer ? nodes.get(row.level) : undefined;
        if (!h) return;
        const moves = choose(1 + i);
        moves.ops.forEach((m, n) => {
          const t = this.transitions[i]![m]!;
          const out = this.step(t, h, training, block);
          const list = incoming.get(t.to) ?? [];
          list.push(moves.coefs ? tf.mul(out, moves.coefs[n]!) : out);
          incoming.set(t.to, list);
        });
      });
      nodes = new Map([...incoming].map(([r, list]) => [r, list.length === 1 ? list[0]! : (tf.addN(list) as tf.Tensor4D)]));
    }
    const logits = [...nodes].map(([r, h]) => this.heads[r]!.apply(h));
    return logits.length === 1 ? logits[0]! : (tf.addN(logits) as tf.Tensor2D);
  }

  /** Row 0 the block; then per trellis row the move the path takes out of it, none where the path is elsewhere. */
  pathOf(g: ResolutionGenotype): number[][] {
    return [[RESOLUTION_BLOCKS.indexOf(g.block)], ...movesOfPath(this.trellis, g.path).map((m) => (m === null ? [] : [m]))];
  }

  variablesOf(g: ResolutionGenotype): { trainable: tf.Variable[]; statistics: tf.Variable[] } {
    const block = RESOLUTION_BLOCKS.indexOf(g.block);
    const parts: Candidate[] = [this.stem];
    movesOfPath(this.trellis, g.path).forEach((m, i) => {
      if (m === null) return;
      const t = this.transitions[i]![m]!;
      parts.push(t.resample, t.blocks[block]!);
    });
    return collectVariables(parts, this.heads[g.path[g.path.length - 1]!]!.trainable);
  }

  /** The block by argmax α; the path by Viterbi over β (the paper's decoding); without β, staying at level 0. */
  derive(probs: readonly (readonly number[])[], allowed?: readonly (readonly boolean[])[], beta?: readonly (readonly number[])[]): ResolutionGenotype {
    const row = probs[0]!;
    let best = -1;
    row.forEach((p, k) => {
      if (allowed && !allowed[0]![k]) return;
      if (best < 0 || p > row[best]!) best = k;
    });
    const { layers, levels } = this.settings;
    const path = beta ? viterbiPath(this.trellis, beta, layers, levels) : Array.from({ length: layers }, () => 0);
    return { path, block: RESOLUTION_BLOCKS[best]! };
  }

  dispose(): void {
    this.ctx.dispose();
  }
}
