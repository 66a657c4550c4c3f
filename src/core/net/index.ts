import { PlaygroundError } from '../errors';
import { CellSpace, type CellGenotype } from '../space/cell';
import { ChainSpace, type ChainGenotype } from '../space/chain';
import { HierSpace, type HierGenotype } from '../space/hier';
import { MnasSpace, type MnasGenotype } from '../space/mnas';
import { Nb201Space, type Nb201Genotype } from '../space/nb201';
import { ResolutionSpace, type ResolutionGenotype } from '../space/resolution';
import type { InputShape, SearchSpace } from '../space/types';
import { WithHyperparameters, type WithHp } from '../space/with-hyperparameters';
import { describeCellNetwork } from './describe-cell';
import { describeChain } from './describe-chain';
import { describeHierNetwork } from './describe-hier';
import { describeMnas } from './describe-mnas';
import { describeNb201 } from './describe-nb201';
import { describeResolution } from './describe-resolution';
import type { NetGraph } from './types';

/** The layer graph of a genotype (the architecture part of a joint NAS + HPO genotype). */
export function layerGraph(space: SearchSpace, genotype: unknown, input: InputShape, classes: number): NetGraph {
  if (space instanceof WithHyperparameters) return layerGraph(space.inner, (genotype as WithHp<unknown>).arch, input, classes);
  const problem = space.checkInput(input);
  if (problem)
    throw new PlaygroundError('incompatible-data', `The ${space.title} space cannot run on this data: ${problem}.`, 'Choose another dataset or search space.');
  if (space instanceof ChainSpace) return describeChain(genotype as ChainGenotype, input, classes);
  if (space instanceof Nb201Space) return describeNb201(genotype as Nb201Genotype, space.settings, input, classes);
  if (space instanceof CellSpace) return describeCellNetwork(genotype as CellGenotype, space.settings, input, classes);
  if (space instanceof MnasSpace) return describeMnas(genotype as MnasGenotype, space.settings, input, classes);
  if (space instanceof ResolutionSpace) return describeResolution(genotype as ResolutionGenotype, space.settings, input, classes);
  if (space instanceof HierSpace) return describeHierNetwork(genotype as HierGenotype, space.settings, input, classes);
  throw new PlaygroundError('invalid-config', `No layer graph for space "${space.id}".`, 'Pick one of the listed search spaces.');
}

export type { ModelAbout, NetGraph, NetNode, Prim, PrimKind, TrainedModel, WeightSpec } from './types';
export { graphWeights } from './types';
export { NetBuilder, nodePadding, type Ref } from './builder';
export { OP_GRAPHS, opGraph, type OpArgs, type OpGraph } from './op-graphs';
