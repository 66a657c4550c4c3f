import * as v from 'valibot';
import { PlaygroundError } from '../errors';
import { CHAIN_OP_TABLE, CHAIN_TOKENS, chainOpId, MLP_TOKENS, type ChainToken } from '../ops/chain';
import type { Rng } from '../rng';
import { chainNetworkCost } from './chain-cost';
import { int, settingsOf } from '../schema-tools';
import type { ArchGraph, Cost, Decision, InputShape, SearchSpace } from './types';

export const CHAIN_OPS = CHAIN_TOKENS;
export type ChainOp = ChainToken;
export { chainOpId };
export { chainChannels, chainStrideFactors } from './chain-cost';

export function isConvOp(op: ChainOp): boolean {
  return CHAIN_OP_TABLE[chainOpId(op)].hasWidth;
}

export interface ChainLayer {
  op: ChainOp;
  /** Output channels of a conv; null for pooling and identity, which keep their input's channels. */
  width: number | null;
  /** 2 halves the height and width (pooling and identity subsample). */
  stride: 1 | 2;
  /** Earlier nodes (0 = the input, j = layer j's output) feeding this layer besides its predecessor; sorted. */
  skips: number[];
}

export interface ChainGenotype {
  layers: ChainLayer[];
}

export const CHAIN_SETTINGS = v.object({
  depth: v.optional(v.pipe(int(1, 12), v.title('Layers')), 4),
  widths: v.optional(v.pipe(v.array(int(1, 256)), v.minLength(1), v.maxLength(6), v.title('Widths')), [8, 16, 32]),
});
export type ChainSettings = v.InferOutput<typeof CHAIN_SETTINGS>;

function invalid(where: string, why: string): PlaygroundError {
  return new PlaygroundError('invalid-genotype', `Chain genotype: ${where} ${why}.`, 'Pick an architecture from a trial of this space, or start a new search.');
}

/**
 * The seed's "entire structure" space (Zoph & Le 2017): a chain of layers, each choosing its
 * operation, its width, and which earlier layers feed it besides its predecessor. The inputs of a
 * layer are concatenated along channels; the network ends in global average pooling and a linear
 * classifier. Over flat inputs (`flat`: a table's rows, points) it is an MLP: each layer is a dense
 * layer of a chosen width or the identity, with the same skips, and no stride to choose.
 */
export class ChainSpace implements SearchSpace<ChainGenotype> {
  static readonly id = 'chain';
  static readonly title = 'Chain (entire structure)';
  readonly id = ChainSpace.id;
  readonly title: string;
  readonly settings: ChainSettings;
  /** Over flat inputs: an MLP. */
  readonly flat: boolean;
  private readonly ops: readonly ChainOp[];

  constructor(settings: Partial<ChainSettings> = {}, options: { flat?: boolean } = {}) {
    this.settings = settingsOf(CHAIN_SETTINGS, settings, 'The chain space settings');
    this.flat = options.flat ?? false;
    this.ops = this.flat ? MLP_TOKENS : CHAIN_OPS;
    this.title = this.flat ? 'Chain (MLP for tables)' : ChainSpace.title;
  }

  private sampleLayer(index: number, rng: Rng): ChainLayer {
    const skips: number[] = [];
    if (this.flat) {
      // Every (op, width) pair alike, so the identity is one option of four, not one op of two.
      const { op, width } = rng.pick(this.layerOptions());
      for (let s = 0; s < index; s++) if (rng.next() < 0.3) skips.push(s);
      return { op, width, stride: 1, skips };
    }
    const op = rng.pick(CHAIN_OPS);
    const width = isConvOp(op) ? rng.pick(this.settings.widths) : null;
    const stride = rng.next() < 0.25 ? 2 : 1;
    for (let s = 0; s < index; s++) if (rng.next() < 0.3) skips.push(s);
    return { op, width, stride, skips };
  }

  sample(rng: Rng): ChainGenotype {
    return { layers: Array.from({ length: this.settings.depth }, (_, j) => this.sampleLayer(j, rng)) };
  }

  mutate(g: ChainGenotype, rng: Rng): ChainGenotype {
    const options = this.neighbours(g);
    return rng.pick(options);
  }

  neighbours(g: ChainGenotype): ChainGenotype[] {
    const out: ChainGenotype[] = [];
    const withLayer = (j: number, layer: ChainLayer): ChainGenotype => ({
      layers: g.layers.map((l, k) => (k === j ? layer : { ...l, skips: [...l.skips] })),
    });
    g.layers.forEach((layer, j) => {
      for (const op of this.ops) {
        if (isConvOp(op)) {
          for (const width of this.settings.widths) {
            if (op !== layer.op || width !== layer.width) out.push(withLayer(j, { op, width, stride: layer.stride, skips: [...layer.skips] }));
          }
        } else if (op !== layer.op) {
          out.push(withLayer(j, { op, width: null, stride: layer.stride, skips: [...layer.skips] }));
        }
      }
      if (!this.flat) out.push(withLayer(j, { ...layer, stride: layer.stride === 1 ? 2 : 1, skips: [...layer.skips] }));
      for (let s = 0; s < j; s++) {
        const skips = layer.skips.includes(s) ? layer.skips.filter((x) => x !== s) : [...layer.skips, s].sort((a, b) => a - b);
        out.push(withLayer(j, { ...layer, skips }));
      }
    });
    return out;
  }

  encode(g: ChainGenotype): string {
    return g.layers
      .map((l) => `${l.op}${l.width === null ? '' : `-${l.width}`}${l.stride === 2 ? '/2' : ''}${l.skips.length ? `<${l.skips.join(',')}` : ''}`)
      .join('|');
  }

  decode(text: string): ChainGenotype {
    if (typeof text !== 'string' || text.length === 0) throw invalid('the text', 'is empty');
    const layers = text.split('|').map((part, j) => {
      const m = /^([a-z0-9_]+)(?:-(\d+))?(\/2)?(?:<([\d,]+))?$/.exec(part);
      if (!m) throw invalid(`layer ${j + 1} ("${part}")`, 'is not of the form op[-width][/2][<skip,skip]');
      return {
        op: m[1] as ChainOp,
        width: m[2] === undefined ? null : Number(m[2]),
        stride: m[3] === undefined ? 1 : 2,
        skips: m[4] === undefined ? [] : m[4].split(',').map(Number),
      };
    });
    return this.parse({ layers });
  }

  parse(raw: unknown): ChainGenotype {
    if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as ChainGenotype).layers)) {
      throw invalid('the value', 'is not an object with a list of layers');
    }
    const rawLayers = (raw as { layers: unknown[] }).layers;
    if (rawLayers.length !== this.settings.depth) {
      throw invalid('the layer list', `has ${rawLayers.length} layers where this space has ${this.settings.depth}`);
    }
    const layers = rawLayers.map((rl, j): ChainLayer => {
      const where = `layer ${j + 1}`;
      if (typeof rl !== 'object' || rl === null) throw invalid(where, 'is not an object');
      const { op, width, skips, stride = 1 } = rl as Record<string, unknown>;
      if (stride !== 1 && (stride !== 2 || this.flat)) throw invalid(where, `has stride ${String(stride)}; it may be ${this.flat ? '1 (an MLP)' : '1 or 2'}`);
      if (!this.ops.includes(op as ChainOp)) throw invalid(where, `has unknown op "${String(op)}" (known: ${this.ops.join(', ')})`);
      const chainOp = op as ChainOp;
      if (isConvOp(chainOp)) {
        if (!this.settings.widths.includes(width as number)) {
          throw invalid(where, `has width ${String(width)}, not one of ${this.settings.widths.join(', ')}`);
        }
      } else if (width !== null && width !== undefined) {
        throw invalid(where, `is ${chainOp}, which has no width, but has width ${String(width)}`);
      }
      const skipList = skips === undefined ? [] : skips;
      if (!Array.isArray(skipList)) throw invalid(where, 'has skips that are not a list');
      const sorted = [...new Set(skipList as number[])].sort((a, b) => a - b);
      if (sorted.length !== skipList.length) throw invalid(where, 'lists a skip twice');
      for (const s of sorted) {
        if (!Number.isInteger(s) || s < 0 || s >= j) {
          throw invalid(where, `has skip from ${String(s)}; it may only skip from nodes 0 to ${j - 1} (0 is the input)`);
        }
      }
      return { op: chainOp, width: isConvOp(chainOp) ? (width as number) : null, stride: stride as 1 | 2, skips: sorted };
    });
    return { layers };
  }

  describe(g: ChainGenotype): ArchGraph {
    const nodes: ArchGraph['nodes'] = [{ id: 'n0', label: 'input', kind: 'input' }];
    const edges: ArchGraph['edges'] = [];
    g.layers.forEach((layer, j) => {
      const id = `n${j + 1}`;
      const detail = [layer.width === null ? '' : `${layer.width} ${this.flat ? 'units' : 'ch'}`, layer.stride === 2 ? '/2' : ''].filter(Boolean).join(' · ');
      const op = chainOpId(layer.op);
      nodes.push({ id, label: CHAIN_OP_TABLE[op].label, kind: op, detail: detail || undefined });
      edges.push({ from: `n${j}`, to: id });
      for (const s of layer.skips) edges.push({ from: `n${s}`, to: id, skip: true });
    });
    nodes.push({ id: 'out', label: this.flat ? 'linear' : 'pool + linear', kind: 'output' });
    edges.push({ from: `n${g.layers.length}`, to: 'out' });
    return { nodes, edges };
  }

  size(): number {
    const perLayer = this.layerOptions().length * (this.flat ? 1 : 2);
    let total = 1;
    // Per layer: its (op, width), its stride (not in an MLP), and a subset of the earlier nodes to skip from.
    for (let j = 0; j < this.settings.depth; j++) total *= perLayer * 2 ** j;
    return total;
  }

  cost(g: ChainGenotype, input: InputShape, numClasses: number): Cost {
    return chainNetworkCost(g, input, numClasses);
  }

  /** (op, width) pairs a layer can take, in a fixed order: each conv at each width, then the width-free ops. */
  private layerOptions(): Array<{ op: ChainOp; width: number | null }> {
    return [
      ...this.ops.filter(isConvOp).flatMap((op) => this.settings.widths.map((width) => ({ op, width }))),
      ...this.ops.filter((op) => !isConvOp(op)).map((op) => ({ op, width: null })),
    ];
  }

  decisions(): Decision[] {
    const options = this.layerOptions().map((o) => (o.width === null ? o.op : `${o.op}-${o.width}`));
    const out: Decision[] = [];
    for (let j = 0; j < this.settings.depth; j++) {
      out.push({ name: `layer ${j + 1}`, options });
      if (!this.flat) out.push({ name: `layer ${j + 1} stride`, options: ['1', '2'] });
      for (let s = 0; s < j; s++) out.push({ name: `layer ${j + 1} skip from ${s}`, options: ['no', 'yes'] });
    }
    return out;
  }

  toDecisions(g: ChainGenotype): number[] {
    const options = this.layerOptions();
    return g.layers.flatMap((layer, j) => [
      options.findIndex((o) => o.op === layer.op && o.width === layer.width),
      ...(this.flat ? [] : [layer.stride - 1]),
      ...Array.from({ length: j }, (_, s) => (layer.skips.includes(s) ? 1 : 0)),
    ]);
  }

  fromDecisions(choices: readonly number[]): ChainGenotype {
    const options = this.layerOptions();
    const layers: ChainLayer[] = [];
    let k = 0;
    for (let j = 0; j < this.settings.depth; j++) {
      const option = options[choices[k++]!];
      if (!option) throw invalid(`layer ${j + 1}`, `has choice ${choices[k - 1]}, which is not an option`);
      const stride = !this.flat && choices[k++] === 1 ? 2 : 1;
      const skips: number[] = [];
      for (let s = 0; s < j; s++) if (choices[k++] === 1) skips.push(s);
      layers.push({ op: option.op, width: option.width, stride, skips });
    }
    if (k !== choices.length) throw invalid('the choice list', `has ${choices.length} entries where this space has ${k}`);
    return { layers };
  }

  checkInput(input: InputShape): string | null {
    if (this.flat && (input.height !== 1 || input.width !== 1)) return 'its MLP form is for tables and points, and this data is images';
    return input.height >= 1 && input.width >= 1 && input.channels >= 1 ? null : 'the input has no pixels or channels';
  }
}
