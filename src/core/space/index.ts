import { CellSpace, type CellSettings } from './cell';
import { ChainSpace, type ChainSettings } from './chain';
import { MnasSpace, type MnasSettings } from './mnas';
import { ResolutionSpace, type ResolutionSettings } from './resolution';
import { Nb201Space, type Nb201Settings } from './nb201';
import type { SearchSpace } from './types';
import { WithHyperparameters, type HyperparameterGrid } from './with-hyperparameters';

export const SPACE_IDS = ['chain', 'cell', 'nb201', 'mnas', 'resolution'] as const;
export type SpaceId = (typeof SPACE_IDS)[number];

export const SPACE_TITLES: Record<SpaceId, string> = {
  chain: 'Chain (entire structure)',
  cell: 'Cells (NASNet / DARTS)',
  nb201: 'NAS-Bench-201 cell',
  mnas: 'Hierarchical (MnasNet stages)',
  resolution: 'Hierarchical (resolution path)',
};

/** One sentence per space for the page: what is searched and why it matters. */
export const SPACE_BLURBS: Record<SpaceId, string> = {
  chain:
    'Each layer picks an operation (its kernel), a width, a stride and which earlier layers feed it: the whole network is searched, so the space grows exponentially with depth (Zoph & Le 2017).',
  cell: 'A normal and a reduction cell (B nodes, two inputs and two ops each) are searched and stacked: the same cells work at any depth, so search shallow and evaluate deep.',
  nb201:
    'One small cell (4 nodes, an operation on each of 6 edges) is searched and stacked into a fixed network: 15 625 cells in all, 6 466 of them unique up to isomorphism.',
  resolution:
    'Besides the block, the path through resolutions is searched: at each layer the feature map goes down, stays or goes up a level of the ladder (Auto-DeepLab, Liu et al. 2019).',
  mnas: 'The network is split into stages; each stage searches its own block (conv type, kernel, squeeze-and-excitation, skip, width, depth) and repeats it (Tan et al. 2019).',
};

export interface SpaceSettings {
  resolution: Partial<ResolutionSettings>;
  mnas: Partial<MnasSettings>;
  chain: Partial<ChainSettings>;
  cell: Partial<CellSettings>;
  nb201: Partial<Nb201Settings>;
}

function createArchitectureSpace(id: SpaceId, settings: Partial<SpaceSettings>): SearchSpace {
  switch (id) {
    case 'chain':
      return new ChainSpace(settings.chain) as SearchSpace;
    case 'cell':
      return new CellSpace(settings.cell) as SearchSpace;
    case 'nb201':
      return new Nb201Space(settings.nb201) as SearchSpace;
    case 'mnas':
      return new MnasSpace(settings.mnas) as SearchSpace;
    case 'resolution':
      return new ResolutionSpace(settings.resolution) as SearchSpace;
  }
}

/** The space an experiment searches: an architecture space, with the training hyperparameters added when HPO is on. */
export function createSpace(id: SpaceId, settings: Partial<SpaceSettings> = {}, hyperparameters?: HyperparameterGrid | null): SearchSpace {
  const architecture = createArchitectureSpace(id, settings);
  return hyperparameters ? (new WithHyperparameters(architecture, hyperparameters) as SearchSpace) : architecture;
}

export type { SearchSpace } from './types';
