import type { Rng } from '../core/rng';
import { CellSpace, type CellGenotype } from '../core/space/cell';
import { ChainSpace, type ChainGenotype } from '../core/space/chain';
import { buildCellNetwork } from './build-cell';
import { MnasSpace, type MnasGenotype } from '../core/space/mnas';
import { buildMnas } from './build-mnas';
import { ResolutionSpace, type ResolutionGenotype } from '../core/space/resolution';
import { buildResolution } from './build-resolution';
import { Nb201Space, type Nb201Genotype } from '../core/space/nb201';
import type { InputShape, SearchSpace } from '../core/space/types';
import { buildChain } from './build-chain';
import { buildNb201 } from './build-nb201';
import { BuildContext } from './layers';
import type { Network } from './network';

/** Genotype → tfjs network, dispatched on the space; weights drawn from `rng`. */
export function buildNetwork(space: SearchSpace, genotype: unknown, input: InputShape, classes: number, rng: Rng): Network {
  const problem = space.checkInput(input);
  if (problem) throw new Error(problem);
  const ctx = new BuildContext(rng);
  if (space instanceof ChainSpace) return buildChain(genotype as ChainGenotype, input, classes, ctx);
  if (space instanceof Nb201Space) return buildNb201(genotype as Nb201Genotype, space.settings, input, classes, ctx);
  if (space instanceof CellSpace) return buildCellNetwork(genotype as CellGenotype, space.settings, input, classes, ctx);
  if (space instanceof MnasSpace) return buildMnas(genotype as MnasGenotype, space.settings, input, classes, ctx);
  if (space instanceof ResolutionSpace) return buildResolution(genotype as ResolutionGenotype, space.settings, input, classes, ctx);
  throw new Error(`No model builder for space "${space.id}"`);
}
