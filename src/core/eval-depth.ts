import { PlaygroundError } from './errors';
import { evaluatorEntry } from './evaluator/index';
import type { Experiment } from './experiment';
import { experimentSpace } from './experiment-helpers';
import { CellSpace } from './space/cell';
import { ChainSpace, type ChainGenotype, type ChainLayer } from './space/chain';
import { MnasSpace, stageShape, type MnasGenotype } from './space/mnas';
import { Nb201Space } from './space/nb201';
import type { SearchSpace } from './space/types';
import { WithHyperparameters, type WithHp } from './space/with-hyperparameters';

/**
 * The depth gap (P-DARTS, Chen et al. 2019): a cell searched in a shallow network is evaluated in a
 * much deeper one. What "deeper" means differs per space, so each space says here what its depth
 * counts, how deep the search was, how deep evaluation goes by default and why, and how the
 * returned genotype is built at another depth (without changing the genotype's own encoding).
 */

/** The two settings of a retraining at evaluation depth. */
export interface EvalDepthSetting {
  /** In the space's unit (cells, layers, blocks); rounded to the nearest depth the space can build. */
  depth: number;
  epochs: number;
}

export interface DepthPlan {
  /** What depth counts in this space: "cells", "layers", "blocks". */
  unit: string;
  /** The depth the search trained at. */
  searched: number;
  /** The default evaluation depth, and where it comes from. */
  depth: number;
  epochs: number;
  source: string;
  /** The deepest setting the space builds. */
  max: number;
}

/** The returned genotype built at a depth: the space to build it in, the genotype for that space, the depth it really has. */
export interface Deepened {
  space: SearchSpace;
  genotype: unknown;
  depth: number;
}

/** Evaluation trains this many times the search's epochs by default (DARTS: 50 searched, 600 evaluated; kept small for a browser). */
export const EPOCH_FACTOR = 3;
const MAX_EPOCHS = 60;

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

function refuse(why: string, advice: string): PlaygroundError {
  return new PlaygroundError('invalid-config', `Retraining at evaluation depth: ${why}.`, advice);
}

interface DepthRule {
  unit: string;
  source: string;
  searched(space: SearchSpace, arch: unknown): number;
  /** The default evaluation depth, and the deepest one. */
  depths(space: SearchSpace, arch: unknown): { depth: number; max: number };
  deepen(space: SearchSpace, arch: unknown, depth: number): Deepened;
}

/** Cell spaces: three stages of N cells (DARTS adds two reduction cells); evaluation stacks more. */
const cellRule: DepthRule = {
  unit: 'cells',
  source: 'DARTS searched 8 cells and evaluated 20 (N = 2 → 6): N × 3, at most 10',
  searched: (s) => 3 * (s as CellSpace).settings.cellsPerStage + 2,
  depths: (s) => ({ depth: 3 * Math.min(10, 3 * (s as CellSpace).settings.cellsPerStage) + 2, max: 32 }),
  deepen: (s, arch, depth) => {
    const n = clamp(Math.round((depth - 2) / 3), 1, 10);
    return { space: new CellSpace({ ...(s as CellSpace).settings, cellsPerStage: n }), genotype: arch, depth: 3 * n + 2 };
  },
};

const nb201Rule: DepthRule = {
  unit: 'cells',
  source: 'NAS-Bench-201 trains every cell in three stages of 5 (N = 5, 15 cells)',
  searched: (s) => 3 * (s as Nb201Space).settings.cellsPerStage,
  depths: () => ({ depth: 15, max: 15 }),
  deepen: (s, arch, depth) => {
    const n = clamp(Math.round(depth / 3), 1, 5);
    return { space: new Nb201Space({ ...(s as Nb201Space).settings, cellsPerStage: n }), genotype: arch, depth: 3 * n };
  },
};

/** Each searched layer repeated `r` times: the first copy keeps its stride and skips, the others are plain. */
function repeatLayers(g: ChainGenotype, r: number): ChainGenotype {
  const layers: ChainLayer[] = [];
  for (const layer of g.layers) {
    layers.push({ ...layer, skips: layer.skips.map((node) => node * r) });
    for (let c = 1; c < r; c++) layers.push({ ...layer, stride: 1, skips: [] });
  }
  return { layers };
}

const chainRule: DepthRule = {
  unit: 'layers',
  source: 'no paper fixes it for chains: each searched layer twice, at most 12 layers',
  searched: (s) => (s as ChainSpace).settings.depth,
  depths: (s) => {
    const d = (s as ChainSpace).settings.depth;
    return { depth: d * clamp(2, 1, Math.floor(12 / d)), max: d * Math.floor(12 / d) };
  },
  deepen: (s, arch, depth) => {
    const chain = s as ChainSpace;
    const d = chain.settings.depth;
    const r = clamp(Math.round(depth / d), 1, Math.floor(12 / d));
    const space = new ChainSpace({ ...chain.settings, depth: d * r }, { flat: chain.flat });
    return { space, genotype: space.parse(repeatLayers(arch as ChainGenotype, r)), depth: d * r };
  },
};

const mnasBlocks = (s: MnasSpace, g: MnasGenotype) => g.stages.reduce((a, stage, i) => a + stageShape(s.settings, i, stage).layers, 0);

/** MnasNet's stages repeat their block; evaluation multiplies each stage's base repeats (depth scaling, as EfficientNet's). */
const mnasRule: DepthRule = {
  unit: 'blocks',
  source: "each stage's base repeats × 2 (EfficientNet's depth scaling), at most × 4",
  searched: (s, arch) => mnasBlocks(s as MnasSpace, arch as MnasGenotype),
  depths: (s, arch) => ({ depth: mnasRule.deepen(s, arch, 2 * mnasRule.searched(s, arch)).depth, max: mnasRule.deepen(s, arch, Infinity).depth }),
  deepen: (s, arch, depth) => {
    const mnas = s as MnasSpace;
    const g = arch as MnasGenotype;
    const at = (k: number) => new MnasSpace({ ...mnas.settings, baseLayers: mnas.settings.baseLayers.map((b) => b * k) });
    const searched = mnasBlocks(mnas, g);
    // The multiplier whose block count is nearest the asked depth.
    const k = [1, 2, 3, 4].reduce((best, k) => (Math.abs(mnasBlocks(at(k), g) - depth) < Math.abs(mnasBlocks(at(best), g) - depth) ? k : best), 1);
    const space = at(k);
    return { space, genotype: arch, depth: k === 1 ? searched : mnasBlocks(space, g) };
  },
};

const RULES: Record<string, DepthRule> = { cell: cellRule, nb201: nb201Rule, chain: chainRule, mnas: mnasRule };

/** The architecture space and the architecture part of a genotype (without joint HPO's hyperparameters). */
function architecture(x: Experiment, genotype: unknown): { space: SearchSpace; arch: unknown; hp?: WithHp<unknown>['hp'] } {
  const space = experimentSpace(x);
  if (!(space instanceof WithHyperparameters)) return { space, arch: genotype };
  const g = genotype as WithHp<unknown> | undefined;
  return { space: space.inner, arch: g?.arch, ...(g ? { hp: g.hp } : {}) };
}

function ruleFor(x: Experiment, space: SearchSpace): DepthRule {
  if (evaluatorEntry(x.evaluator).table)
    throw refuse(
      'a table lookup trains nothing, and its figures already are the benchmark’s evaluation depth (N = 5)',
      'Search with the “train from scratch” evaluator to retrain the result.',
    );
  const rule = RULES[space.id];
  if (!rule)
    throw refuse(
      `the ${space.title} space has no deeper form of its result (its genotype fixes the path through every layer)`,
      'Retrain a result of the cell, NAS-Bench-201, chain or MnasNet space.',
    );
  return rule;
}

/** Why an experiment's result cannot be retrained deeper, or null when it can. */
export function evalDepthProblem(x: Experiment): string | null {
  try {
    ruleFor(x, architecture(x, undefined).space);
    return null;
  } catch (e) {
    return e instanceof PlaygroundError ? e.message : String(e);
  }
}

/** What evaluation depth means for this experiment's returned genotype, with its defaults. */
export function depthPlan(x: Experiment, genotype: unknown): DepthPlan {
  const { space, arch } = architecture(x, genotype);
  const rule = ruleFor(x, space);
  const { depth, max } = rule.depths(space, arch);
  const epochs = Math.min(MAX_EPOCHS, EPOCH_FACTOR * x.training.epochs);
  return { unit: rule.unit, searched: rule.searched(space, arch), depth, epochs, source: rule.source, max };
}

/** The returned genotype's architecture built at `depth` (in the plan's unit), with the hyperparameters a joint HPO genotype carries. */
export function deepen(x: Experiment, genotype: unknown, depth: number): Deepened & { hp?: WithHp<unknown>['hp'] } {
  const { space, arch, hp } = architecture(x, genotype);
  if (!Number.isFinite(depth) || depth < 1)
    throw refuse(`depth ${depth} is not a positive number`, 'Give the depth as a whole number of cells, layers or blocks.');
  const built = ruleFor(x, space).deepen(space, arch, depth);
  return hp ? { ...built, hp } : built;
}
