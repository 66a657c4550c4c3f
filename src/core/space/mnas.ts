import { PlaygroundError } from '../errors';
import { CHAIN_OP_TABLE } from '../ops/chain';
import { mnasBlockCost, MNAS_OP_TABLE, type MnasOpId } from '../ops/mnas';
import type { Rng } from '../rng';
import { blockStage, decodeBlocks, encodeBlocks, mnasLayers, type MnasBlock } from './mnas-blocks';
import type { ArchGraph, Cost, Decision, InputShape, SearchSpace } from './types';

/**
 * MnasNet's factorised hierarchical space (Tan et al. 2019): the network is split into stages;
 * each stage searches its block — conv op, kernel, squeeze-and-excitation, skip, width and layer
 * count — and repeats it, so different stages can differ while the space stays small.
 */
export const MNAS_CONVS = Object.keys(MNAS_OP_TABLE) as readonly MnasOpId[];
export type MnasConv = MnasOpId;
export const MNAS_KERNELS = [3, 5] as const;
export const MNAS_SE = [0, 0.25] as const;
export const MNAS_SKIPS = ['none', 'identity'] as const;
/** Width multipliers of the stage's base width, and layer deltas around its base count. */
export const MNAS_WIDTHS = [0.75, 1, 1.25] as const;
export const MNAS_LAYER_DELTAS = [-1, 0, 1] as const;

export interface MnasStage {
  conv: MnasConv;
  kernel: (typeof MNAS_KERNELS)[number];
  se: (typeof MNAS_SE)[number];
  skip: (typeof MNAS_SKIPS)[number];
  width: (typeof MNAS_WIDTHS)[number];
  layers: (typeof MNAS_LAYER_DELTAS)[number];
  /** ProxylessNAS's per-layer blocks (mnas-blocks.ts); absent for a stage that repeats one block. */
  blocks?: MnasBlock[];
}

export interface MnasGenotype {
  stages: MnasStage[];
}

export interface MnasSettings {
  /** Per stage: base width, stride of its first layer, base layer count. */
  baseWidths: number[];
  strides: number[];
  baseLayers: number[];
  stemChannels: number;
}

export const DEFAULT_MNAS_SETTINGS: MnasSettings = { baseWidths: [8, 16, 24, 32], strides: [1, 2, 2, 1], baseLayers: [1, 2, 2, 1], stemChannels: 8 };

const FIELDS = ['conv', 'kernel', 'se', 'skip', 'width', 'layers'] as const;
const OPTIONS: Record<(typeof FIELDS)[number], readonly (string | number)[]> = {
  conv: MNAS_CONVS,
  kernel: MNAS_KERNELS,
  se: MNAS_SE,
  skip: MNAS_SKIPS,
  width: MNAS_WIDTHS,
  layers: MNAS_LAYER_DELTAS,
};

function invalid(where: string, why: string): PlaygroundError {
  return new PlaygroundError('invalid-genotype', `MnasNet genotype: ${where} ${why}.`, 'A stage reads like mbconv6 k5 se0.25 identity w1 l+0.');
}

/** The concrete layers of a stage: channels rounded to even counts, at least one layer. */
export function stageShape(settings: MnasSettings, i: number, stage: MnasStage): { width: number; layers: number } {
  const width = Math.max(2, 2 * Math.round((settings.baseWidths[i]! * stage.width) / 2));
  return { width, layers: Math.max(1, settings.baseLayers[i]! + stage.layers) };
}

export class MnasSpace implements SearchSpace<MnasGenotype> {
  static readonly id = 'mnas';
  static readonly title = 'Hierarchical (MnasNet stages)';
  readonly id = MnasSpace.id;
  readonly title = MnasSpace.title;
  readonly settings: MnasSettings;

  constructor(settings: Partial<MnasSettings> = {}) {
    this.settings = { ...DEFAULT_MNAS_SETTINGS, ...settings };
    const n = this.settings.baseWidths.length;
    if (n < 1 || this.settings.strides.length !== n || this.settings.baseLayers.length !== n) {
      throw new PlaygroundError('invalid-config', 'MnasNet stages need one base width, stride and layer count each.');
    }
  }

  sample(rng: Rng): MnasGenotype {
    return {
      stages: this.settings.baseWidths.map(() => ({
        conv: rng.pick(MNAS_CONVS),
        kernel: rng.pick(MNAS_KERNELS),
        se: rng.pick(MNAS_SE),
        skip: rng.pick(MNAS_SKIPS),
        width: rng.pick(MNAS_WIDTHS),
        layers: rng.pick(MNAS_LAYER_DELTAS),
      })),
    };
  }

  mutate(g: MnasGenotype, rng: Rng): MnasGenotype {
    return rng.pick(this.neighbours(g));
  }

  neighbours(g: MnasGenotype): MnasGenotype[] {
    return this.decisions().flatMap((d, k) => {
      const choices = this.toDecisions(g);
      return d.options.flatMap((_, o) => (o === choices[k] ? [] : [this.fromDecisions(choices.map((c, j) => (j === k ? o : c)))]));
    });
  }

  encode(g: MnasGenotype): string {
    return g.stages
      .map((s) => (s.blocks ? encodeBlocks(s.blocks) : `${s.conv} k${s.kernel} se${s.se} ${s.skip} w${s.width} l${s.layers >= 0 ? '+' : ''}${s.layers}`))
      .join(' | ');
  }

  decode(text: string): MnasGenotype {
    const stages = String(text)
      .split('|')
      .map((part, i) => {
        const blocks = decodeBlocks(part);
        if (blocks) return { blocks };
        const m = /^(\w+) k(\d) se([\d.]+) (\w+) w([\d.]+) l([+-]\d)$/.exec(part.trim());
        if (!m) throw invalid(`stage ${i + 1} ("${part.trim()}")`, 'is not of the form "mbconv6 k5 se0.25 identity w1 l+0"');
        return { conv: m[1], kernel: Number(m[2]), se: Number(m[3]), skip: m[4], width: Number(m[5]), layers: Number(m[6]) };
      });
    return this.parse({ stages });
  }

  parse(raw: unknown): MnasGenotype {
    const stages = (raw as { stages?: unknown } | null)?.stages;
    if (!Array.isArray(stages)) throw invalid('the value', 'has no list of stages');
    if (stages.length !== this.settings.baseWidths.length)
      throw invalid('the stage list', `has ${stages.length} stages where this space has ${this.settings.baseWidths.length}`);
    return {
      stages: stages.map((s, i) => {
        const blocks = (s as { blocks?: unknown } | null)?.blocks;
        if (blocks !== undefined) {
          if (!Array.isArray(blocks)) throw invalid(`stage ${i + 1}`, 'has blocks that are not a list');
          return blockStage(this.settings, i, blocks as MnasBlock[]);
        }
        const stage = {} as Record<string, unknown>;
        for (const field of FIELDS) {
          const v = (s as Record<string, unknown>)?.[field];
          if (!OPTIONS[field].includes(v as never)) throw invalid(`stage ${i + 1}`, `has ${field} ${String(v)}, not one of ${OPTIONS[field].join(', ')}`);
          stage[field] = v;
        }
        return stage as unknown as MnasStage;
      }),
    };
  }

  describe(g: MnasGenotype): ArchGraph {
    const nodes: ArchGraph['nodes'] = [
      { id: 'in', label: 'input', kind: 'input' },
      { id: 'stem', label: CHAIN_OP_TABLE.conv_3x3.label, kind: 'conv_3x3', detail: `${this.settings.stemChannels} ch` },
    ];
    const edges: ArchGraph['edges'] = [{ from: 'in', to: 'stem' }];
    let prev = 'stem';
    g.stages.forEach((s, i) => {
      const { width, layers } = stageShape(this.settings, i, s);
      const id = `s${i}`;
      const kept = s.blocks ? mnasLayers(this.settings, { stages: [s] }, () => ({ width, layers })).flat() : [];
      nodes.push({
        id,
        label: s.blocks
          ? kept.map((l) => `${MNAS_OP_TABLE[l.conv].label} ${l.kernel}×${l.kernel}`).join(' · ')
          : `${MNAS_OP_TABLE[s.conv].label} ${s.kernel}×${s.kernel}`,
        kind: kept[0]?.conv ?? s.conv,
        detail: `${s.blocks ? kept.length : layers}× · ${width} ch${s.se ? ' · SE' : ''}${this.settings.strides[i] === 2 ? ' · /2' : ''}`,
      });
      edges.push({ from: prev, to: id, skip: s.skip === 'identity' });
      prev = id;
    });
    nodes.push({ id: 'out', label: 'pool + linear', kind: 'output' });
    edges.push({ from: prev, to: 'out' });
    return { nodes, edges };
  }

  size(): number {
    return this.decisions().reduce((n, d) => n * d.options.length, 1);
  }

  cost(g: MnasGenotype, input: InputShape, numClasses: number): Cost {
    let h = input.height;
    let w = input.width;
    const stem = this.settings.stemChannels;
    let params = 9 * input.channels * stem + 2 * stem;
    let flops = 9 * input.channels * stem * h * w;
    let cin = stem;
    for (const layer of mnasLayers(this.settings, g, (i, s) => stageShape(this.settings, i, s)).flat()) {
      const { conv, cout, stride, kernel, se } = layer;
      const cost = mnasBlockCost(MNAS_OP_TABLE[conv], { cin, cout, height: h, width: w, stride, kernel, se });
      params += cost.params;
      flops += cost.flops;
      h = Math.ceil(h / stride);
      w = Math.ceil(w / stride);
      cin = cout;
    }
    params += cin * numClasses + numClasses;
    flops += cin * numClasses;
    return { params, flops };
  }

  decisions(): Decision[] {
    return this.settings.baseWidths.flatMap((_, i) => FIELDS.map((f) => ({ name: `stage ${i + 1} ${f}`, options: OPTIONS[f].map(String) })));
  }

  toDecisions(g: MnasGenotype): number[] {
    return g.stages.flatMap((s) => FIELDS.map((f) => OPTIONS[f].indexOf(s[f] as never)));
  }

  fromDecisions(choices: readonly number[]): MnasGenotype {
    const stages = this.settings.baseWidths.map((_, i) => Object.fromEntries(FIELDS.map((f, k) => [f, OPTIONS[f][choices[i * FIELDS.length + k]!]])));
    return this.parse({ stages });
  }

  checkInput(input: InputShape): string | null {
    const reductions = this.settings.strides.filter((s) => s === 2).length;
    const factor = 2 ** reductions;
    if (input.height % factor !== 0 || input.width % factor !== 0) {
      return `its stages halve the image ${reductions} times, so height and width must be multiples of ${factor} (this data is ${input.height} × ${input.width})`;
    }
    return null;
  }
}
