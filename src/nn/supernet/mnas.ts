import * as tf from '@tensorflow/tfjs-core';
import { PlaygroundError } from '../../core/errors';
import { classifierHead, convBn } from '../../core/net/blocks';
import { blockParts, blockSlots, blockStage, MNAS_BLOCKS, type MnasBlock, type MnasBlockId } from '../../core/space/mnas-blocks';
import { stageShape, type MnasGenotype, type MnasSettings } from '../../core/space/mnas';
import type { InputShape } from '../../core/space/types';
import type { BuildContext } from '../layers';
import { buildOp, graphHead, graphLayer } from '../op-factories';
import { measureBlockLatency, type LatencyTable } from './mnas-latency';
import { collectVariables, tracked, type Candidate, type ChooseEdge, type Supernet, type SupernetEdge } from './types';

/** The columns of α: `none` is ProxylessNAS's zero op (the layer left out), then the six MobileNetV2 blocks. */
export const MNAS_SUPERNET_OPS = ['none', ...MNAS_BLOCKS] as const;

/** One searchable layer: a candidate per op, the shape it runs at, and whether its input is added to its output. */
export interface MnasSlot {
  candidates: Candidate[];
  residual: boolean;
  input: [number, number, number];
}

/**
 * ProxylessNAS's over-parameterised network on the MnasNet-style space (Cai et al. 2019): each
 * stage has its base layer count plus one layer slots, and each slot is a mixed op over six
 * inverted-residual blocks (expansion 3 or 6 × kernel 3, 5 or 7) and zero. Where the shapes allow
 * (stride 1, same width), the slot's input is added to the chosen blocks' output, as MobileNetV2's
 * residual, so zero passes the input on; the first slot of each stage changes width or stride and
 * holds no zero. Each block keeps its own weights; a genotype's network reuses the ones it picks.
 */
export class MnasSupernet implements Supernet<MnasGenotype> {
  readonly ctx: BuildContext;
  readonly ops = MNAS_SUPERNET_OPS;
  readonly edges: SupernetEdge[] = [];
  readonly parameterFree = MNAS_SUPERNET_OPS.map((op) => op === 'none');
  readonly noneInGenotypes = true;
  readonly cells: number;
  /** Per slot, the ops it can hold (no zero where the shape changes). */
  readonly allowed: boolean[][] = [];
  readonly slots: MnasSlot[] = [];
  private readonly stem: Candidate;
  private readonly head: { apply: (x: tf.Tensor4D) => tf.Tensor2D; trainable: tf.Variable[] };
  private readonly stageOf: number[] = [];
  private latency: Promise<LatencyTable> | null = null;
  /** The head's input: the last layer's output shape. */
  private readonly headInput: [number, number, number];

  constructor(
    private readonly settings: MnasSettings,
    private readonly input: InputShape,
    classes: number,
    ctx: BuildContext,
  ) {
    this.ctx = ctx;
    this.stem = tracked(ctx, () => graphLayer(ctx, input.channels, (b, x) => convBn(b, x, 'stem', settings.stemChannels, { kernel: 3 })));
    let [h, w, cin] = [input.height, input.width, settings.stemChannels];
    settings.baseWidths.forEach((_, i) => {
      const { width } = stageShape(settings, i, { width: 1 } as never);
      for (let l = 0; l < blockSlots(settings, i); l++) {
        const stride = l === 0 ? settings.strides[i]! : 1;
        const c = cin;
        const candidates = MNAS_SUPERNET_OPS.map((op) =>
          tracked(ctx, () =>
            op === 'none' ? null : buildOp(ctx, blockParts(op).conv, { cin: c, cout: width, stride, kernel: blockParts(op).kernel, se: 0, skip: false }),
          ),
        );
        const residual = stride === 1 && cin === width;
        this.slots.push({ candidates, residual, input: [h, w, cin] });
        this.allowed.push(MNAS_SUPERNET_OPS.map((op) => op !== 'none' || l > 0));
        this.edges.push({ group: 'layer', from: this.slots.length - 1, to: this.slots.length, label: `stage ${i + 1} · layer ${l + 1}` });
        this.stageOf.push(i);
        [h, w, cin] = [Math.ceil(h / stride), Math.ceil(w / stride), width];
      }
    });
    this.cells = this.slots.length;
    this.headInput = [h, w, cin];
    const t = ctx.trainable.length;
    const apply = graphHead(ctx, cin, (b, x) => classifierHead(b, x, 'head', classes));
    this.head = { apply, trainable: ctx.trainable.slice(t) };
  }

  apply(x: tf.Tensor4D, training: boolean, choose: ChooseEdge): tf.Tensor2D {
    let h = this.stem.layer!(x, training);
    this.slots.forEach((slot, e) => {
      const choice = choose(e);
      const terms = choice.ops.flatMap((k, n) => {
        const layer = slot.candidates[k]!.layer;
        if (!layer) return [];
        const out = layer(h, training);
        return [choice.coefs ? (tf.mul(out, choice.coefs[n]!) as tf.Tensor4D) : out];
      });
      const body = terms.length === 0 ? null : terms.length === 1 ? terms[0]! : (tf.addN(terms) as tf.Tensor4D);
      if (!body && !slot.residual) throw new Error(`Layer ${e + 1} of the MnasNet supernet changes shape, so it cannot be zero.`);
      // As the stand-alone block: its output plus its input.
      h = slot.residual ? (body ? (tf.add(body, h) as tf.Tensor4D) : h) : body!;
    });
    return this.head.apply(h);
  }

  /** Per slot, the op of a genotype: its blocks, or its repeated block where that is one of the six (no SE, base width). */
  pathOf(g: MnasGenotype): number[][] {
    return g.stages.flatMap((s, i) => {
      let blocks: readonly MnasBlock[] | undefined = s.blocks;
      if (!blocks) {
        const block = `mb${s.conv === 'mbconv3' ? 3 : s.conv === 'mbconv6' ? 6 : 0}_k${s.kernel}` as MnasBlockId;
        const { layers } = stageShape(this.settings, i, s);
        if (!MNAS_BLOCKS.includes(block) || s.se !== 0 || s.width !== 1 || s.skip !== 'identity')
          throw new PlaygroundError(
            'invalid-genotype',
            `Stage ${i + 1} (${s.conv} k${s.kernel} se${s.se} ${s.skip} w${s.width}) is not a path of the ProxylessNAS supernet.`,
            'Its layers are MBConv3 or MBConv6 blocks at the base width, with identity skips and no squeeze-and-excitation.',
          );
        blocks = Array.from({ length: blockSlots(this.settings, i) }, (_, l) => (l < layers ? block : 'zero'));
      }
      return blocks.map((b) => [MNAS_SUPERNET_OPS.indexOf(b === 'zero' ? 'none' : b)]);
    });
  }

  variablesOf(g: MnasGenotype): { trainable: tf.Variable[]; statistics: tf.Variable[] } {
    const chosen = this.pathOf(g).map(([k], e) => this.slots[e]!.candidates[k!]!);
    return collectVariables([this.stem, ...chosen], this.head.trainable);
  }

  /** The most likely allowed op per layer (zero included where allowed). */
  derive(probs: readonly (readonly number[])[], allowed?: readonly (readonly boolean[])[]): MnasGenotype {
    const picks = probs.map((row, e) => {
      let best = -1;
      row.forEach((p, k) => {
        if (!this.allowed[e]![k] || (allowed && !allowed[e]![k])) return;
        if (best < 0 || p > row[best]!) best = k;
      });
      const op = MNAS_SUPERNET_OPS[best]!;
      return op === 'none' ? 'zero' : op;
    });
    return {
      stages: this.settings.baseWidths.map((_, i) =>
        blockStage(
          this.settings,
          i,
          picks.filter((_, e) => this.stageOf[e] === i),
        ),
      ),
    };
  }

  /** Each block timed once at its layer's shape on the current backend, kept for the supernet's life. */
  latencyTable(): Promise<LatencyTable> {
    const { height, width, channels } = this.input;
    this.latency ??= measureBlockLatency(
      this.slots,
      { layer: (x) => this.stem.layer!(x, false), input: [height, width, channels] },
      { layer: this.head.apply, input: this.headInput },
    );
    return this.latency;
  }

  dispose(): void {
    this.ctx.dispose();
  }
}
