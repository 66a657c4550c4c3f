import type { Rng } from '../../core/rng';
import { CellSpace } from '../../core/space/cell';
import { Nb201Space } from '../../core/space/nb201';
import { ResolutionSpace } from '../../core/space/resolution';
import type { InputShape, SearchSpace } from '../../core/space/types';
import { BuildContext } from '../layers';
import { CellSupernet } from './cell';
import { MnasSpace } from '../../core/space/mnas';
import { MnasSupernet } from './mnas';
import { Nb201Supernet } from './nb201';
import { ResolutionSupernet } from './resolution';
import type { Supernet } from './types';

/**
 * How a supernet is built beyond its space. `shareEdgeWork`: the ops of the edges leaving a node
 * share its ReLU and poolings (DARTS cells, NAS-Bench-201): the same maths in another summation
 * order, so off (as before) unless the experiment asks for it.
 */
export interface SupernetOptions {
  shareEdgeWork?: boolean;
}

/** The supernet of a space (cell, nb201 or resolution), weights drawn from `rng`. */
export function buildSupernet(space: SearchSpace, input: InputShape, classes: number, rng: Rng, options: SupernetOptions = {}): Supernet {
  const share = options.shareEdgeWork ?? false;
  const problem = space.checkInput(input);
  if (problem) throw new Error(problem);
  const ctx = new BuildContext(rng);
  if (space instanceof Nb201Space) return new Nb201Supernet(space.settings, input, classes, ctx, share) as Supernet;
  if (space instanceof CellSpace) return new CellSupernet(space.settings, input, classes, ctx, share) as Supernet;
  if (space instanceof ResolutionSpace) return new ResolutionSupernet(space.settings, input, classes, ctx) as Supernet;
  if (space instanceof MnasSpace) return new MnasSupernet(space.settings, input, classes, ctx) as Supernet;
  throw new Error(`No supernet for space "${space.id}": weight sharing runs on the cell, nb201, resolution and mnas spaces.`);
}

/** A single path through the supernet as a plain network, for training and scoring it. */
export function pathChooser(path: readonly (readonly number[])[]): (edge: number) => { ops: readonly number[] } {
  return (edge) => ({ ops: path[edge]! });
}

export type { Supernet, SupernetEdge, EdgeChoice, ChooseEdge } from './types';
export { CellSupernet, cellEdgeIndex } from './cell';
export { Nb201Supernet } from './nb201';
export { ResolutionSupernet } from './resolution';
export { MnasSupernet, MNAS_SUPERNET_OPS } from './mnas';
export type { LatencyTable } from './mnas-latency';
