import { PlaygroundError } from '../errors';
import { opCost } from '../ops/cost';
import { RESOLUTION_OP_TABLE, RESOLUTION_TOKENS, resolutionOpId, type ResolutionToken } from '../ops/resolution';
import * as v from 'valibot';
import type { Rng } from '../rng';
import { int, settingsOf } from '../schema-tools';
import type { ArchGraph, Cost, Decision, InputShape, SearchSpace } from './types';

/**
 * The network level of Auto-DeepLab (Liu et al. 2019): besides the cell, the path through
 * resolutions is searched. After the stem the feature map sits on a ladder of resolutions (here
 * ×1, ×½, ×¼, ×⅛ of the input, with C·2^level channels); at each layer it goes down (half), stays,
 * or goes up (double). The cell applied at every layer is searched too, from a few blocks.
 */
export const RESOLUTION_MOVES = ['up', 'stay', 'down'] as const;
export type ResolutionMove = (typeof RESOLUTION_MOVES)[number];
export const RESOLUTION_BLOCKS = RESOLUTION_TOKENS;
export type ResolutionBlock = ResolutionToken;
export { resolutionOpId };

export interface ResolutionGenotype {
  /** The ladder level after each layer: 0 is the input's resolution, each step halves it. */
  path: number[];
  block: ResolutionBlock;
}

export const RESOLUTION_SETTINGS = v.object({
  layers: v.optional(v.pipe(int(1, 16), v.title('Layers')), 6),
  levels: v.optional(v.pipe(int(2, 5), v.title('Levels')), 4),
  channels: v.optional(v.pipe(int(1, 64), v.title('Channels')), 8),
});
export type ResolutionSettings = v.InferOutput<typeof RESOLUTION_SETTINGS>;

function invalid(where: string, why: string): PlaygroundError {
  return new PlaygroundError(
    'invalid-genotype',
    `Resolution path: ${where} ${why}.`,
    'A path reads like "0 1 2 2 1 0 / sep_conv_3x3": one level per layer, each step at most one level away.',
  );
}

export class ResolutionSpace implements SearchSpace<ResolutionGenotype> {
  static readonly id = 'resolution';
  static readonly title = 'Hierarchical (resolution path)';
  readonly id = ResolutionSpace.id;
  readonly title = ResolutionSpace.title;
  readonly settings: ResolutionSettings;

  constructor(settings: Partial<ResolutionSettings> = {}) {
    this.settings = settingsOf(RESOLUTION_SETTINGS, settings, 'The resolution space settings');
  }

  private move(level: number, move: ResolutionMove): number {
    const next = level + (move === 'down' ? 1 : move === 'up' ? -1 : 0);
    return Math.min(this.settings.levels - 1, Math.max(0, next));
  }

  sample(rng: Rng): ResolutionGenotype {
    const path: number[] = [];
    let level = 0;
    for (let l = 0; l < this.settings.layers; l++) {
      level = this.move(level, rng.pick(RESOLUTION_MOVES));
      path.push(level);
    }
    return { path, block: rng.pick(RESOLUTION_BLOCKS) };
  }

  mutate(g: ResolutionGenotype, rng: Rng): ResolutionGenotype {
    return rng.pick(this.neighbours(g));
  }

  neighbours(g: ResolutionGenotype): ResolutionGenotype[] {
    const out: ResolutionGenotype[] = [];
    // Moving one layer's level keeps the rest of the path: valid where both neighbours stay within one step.
    g.path.forEach((level, l) => {
      const before = l === 0 ? 0 : g.path[l - 1]!;
      const after = g.path[l + 1];
      for (let candidate = 0; candidate < this.settings.levels; candidate++) {
        if (candidate === level || Math.abs(candidate - before) > 1 || (after !== undefined && Math.abs(after - candidate) > 1)) continue;
        out.push({ path: g.path.map((p, k) => (k === l ? candidate : p)), block: g.block });
      }
    });
    for (const block of RESOLUTION_BLOCKS) if (block !== g.block) out.push({ path: [...g.path], block });
    return out;
  }

  encode(g: ResolutionGenotype): string {
    return `${g.path.join(' ')} / ${g.block}`;
  }

  decode(text: string): ResolutionGenotype {
    const m = /^([\d ]+) \/ (\w+)$/.exec(String(text).trim());
    if (!m) throw invalid('the text', 'is not of the form "0 1 2 1 / sep_conv_3x3"');
    return this.parse({ path: m[1]!.trim().split(/\s+/).map(Number), block: m[2] });
  }

  parse(raw: unknown): ResolutionGenotype {
    const value = raw as Partial<ResolutionGenotype> | null;
    if (!value || !Array.isArray(value.path)) throw invalid('the value', 'has no path');
    if (value.path.length !== this.settings.layers) throw invalid('the path', `has ${value.path.length} layers where this space has ${this.settings.layers}`);
    let previous = 0;
    value.path.forEach((level, l) => {
      if (!Number.isInteger(level) || level < 0 || level >= this.settings.levels)
        throw invalid(`layer ${l + 1}`, `is at level ${String(level)}, outside 0 to ${this.settings.levels - 1}`);
      if (Math.abs(level - previous) > 1) throw invalid(`layer ${l + 1}`, `jumps from level ${previous} to ${level}; a layer moves at most one level`);
      previous = level;
    });
    if (!RESOLUTION_BLOCKS.includes(value.block as ResolutionBlock))
      throw invalid('the block', `"${String(value.block)}" is not one of ${RESOLUTION_BLOCKS.join(', ')}`);
    return { path: [...value.path], block: value.block as ResolutionBlock };
  }

  /** The trellis: every (layer, level) as a grid node, every possible transition faint, the chosen path bold. */
  describe(g: ResolutionGenotype): ArchGraph {
    const { layers, levels } = this.settings;
    const id = (l: number, r: number) => `t${l}-${r}`;
    const scale = (r: number) => (r === 0 ? '×1' : `×1/${2 ** r}`);
    const onPath = new Set([id(0, 0), ...g.path.map((r, l) => id(l + 1, r))]);
    const op = resolutionOpId(g.block);
    const nodes: ArchGraph['nodes'] = [];
    const edges: ArchGraph['edges'] = [];
    for (let l = 0; l <= layers; l++) {
      for (let r = 0; r < levels; r++) {
        const taken = onPath.has(id(l, r));
        nodes.push({
          id: id(l, r),
          label: l === 0 ? (r === 0 ? 'stem' : '') : taken ? RESOLUTION_OP_TABLE[op].label : '',
          kind: taken ? (l === 0 ? 'input' : op) : 'node',
          detail: l === 0 ? scale(r) : undefined,
          grid: { column: l, row: r },
          faint: !taken,
        });
        if (l < layers) {
          for (const d of [-1, 0, 1]) {
            const to = r + d;
            if (to < 0 || to >= levels) continue;
            const chosen = (l === 0 ? r === 0 : g.path[l - 1] === r) && g.path[l] === to;
            edges.push({ from: id(l, r), to: id(l + 1, to), faint: !chosen });
          }
        }
      }
    }
    return { nodes, edges };
  }

  size(): number {
    // Paths of `layers` steps from level 0 that stay on the ladder, times the blocks.
    let counts: number[] = Array.from({ length: this.settings.levels }, (_, r) => (r === 0 ? 1 : 0));
    for (let l = 0; l < this.settings.layers; l++) {
      counts = counts.map((_, r) => (counts[r - 1] ?? 0) + counts[r]! + (counts[r + 1] ?? 0));
    }
    return counts.reduce((a, b) => a + b, 0) * RESOLUTION_BLOCKS.length;
  }

  cost(g: ResolutionGenotype, input: InputShape, numClasses: number): Cost {
    const c = this.settings.channels;
    const channels = (r: number) => c * 2 ** r;
    const pixels = (r: number) => Math.ceil(input.height / 2 ** r) * Math.ceil(input.width / 2 ** r);
    let params = 9 * input.channels * c + 2 * c;
    let flops = 9 * input.channels * c * pixels(0);
    let level = 0;
    for (const next of g.path) {
      const cin = channels(level);
      const cout = channels(next);
      if (next > level) {
        params += 9 * cin * cout + 2 * cout;
        flops += 9 * cin * cout * pixels(next);
      } else if (next < level) {
        params += cin * cout + 2 * cout;
        flops += cin * cout * pixels(next);
      }
      const size = { height: Math.ceil(input.height / 2 ** next), width: Math.ceil(input.width / 2 ** next) };
      const block = opCost(RESOLUTION_OP_TABLE[resolutionOpId(g.block)], { cin: cout, cout, ...size, stride: 1 });
      params += block.params;
      flops += block.flops;
      level = next;
    }
    const last = channels(level);
    params += last * numClasses + numClasses;
    flops += last * numClasses;
    return { params, flops };
  }

  decisions(): Decision[] {
    return [
      ...Array.from({ length: this.settings.layers }, (_, l) => ({ name: `layer ${l + 1} move`, options: RESOLUTION_MOVES })),
      { name: 'block', options: RESOLUTION_BLOCKS },
    ];
  }

  toDecisions(g: ResolutionGenotype): number[] {
    let level = 0;
    const moves = g.path.map((next) => {
      const m = next > level ? 2 : next < level ? 0 : 1;
      level = next;
      return m;
    });
    return [...moves, RESOLUTION_BLOCKS.indexOf(g.block)];
  }

  fromDecisions(choices: readonly number[]): ResolutionGenotype {
    let level = 0;
    const path = choices.slice(0, this.settings.layers).map((m) => (level = this.move(level, RESOLUTION_MOVES[m] ?? 'stay')));
    return this.parse({ path, block: RESOLUTION_BLOCKS[choices[this.settings.layers]!] });
  }

  checkInput(input: InputShape): string | null {
    const factor = 2 ** (this.settings.levels - 1);
    if (input.height % factor !== 0 || input.width % factor !== 0) {
      return `its ladder goes down to 1/${factor} of the input, so height and width must be multiples of ${factor} (this data is ${input.height} × ${input.width})`;
    }
    return null;
  }
}
