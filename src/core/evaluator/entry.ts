import type { CheckContext, Described, Problem } from '../problems';
import type { OneShotId } from '../one-shot/index';
import type { SpaceId } from '../space/index';

/**
 * How candidates are scored, as the page, the CLI and the rules see it: title and hint, traits,
 * and what it refuses. Its code is in src/engine/evaluate/.
 */
export interface EvaluatorEntry<Id extends string = string> extends Described<Id> {
  /** Short name for messages. */
  name: string;
  /** Reads published results from a table: nothing is trained, the backend does not matter. */
  table: boolean;
  /** Can train a candidate for fewer epochs, as multi-fidelity strategies need. */
  fidelities: boolean;
  /** Scores candidates with the weights of one trained supernet. */
  sharesWeights: boolean;
  /** The weight-sharing method that trains the supernet it scores with. */
  supernetMethod?: OneShotId;
  /** The one space its table covers. */
  tableSpace?: SpaceId;
  /** Why a multi-fidelity strategy cannot run with it. */
  oneFidelity?(strategyName: string): Problem;
  /** What it refuses, checked before anything else. */
  check?(c: CheckContext): Problem[];
}

export function defineEvaluator<const Id extends string>(entry: EvaluatorEntry<Id>): EvaluatorEntry<Id> {
  return entry;
}
