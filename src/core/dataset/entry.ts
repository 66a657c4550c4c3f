import type { ExperimentView } from '../experiment-fields';
import type { CheckContext, Described, Problem } from '../problems';
import type { Rng } from '../rng';
import type { InputShape } from '../space/types';

/** How examples are laid out: `image` draws as pictures (and can be halved), `points` as a scatter, `table` as rows; `benchmark` has none. */
export type DatasetKind = 'image' | 'table' | 'points' | 'benchmark' | 'user';

/**
 * What a network sees of one example: an image (of a size known before loading, or not, as for the
 * user's zip), a flat row of numbers (a table's row, a point in the plane), or nothing (a benchmark
 * searched by lookup). The rules ask it to refuse, before any loading, a space that cannot take it.
 */
export type DataInput = { kind: 'image'; shape?: InputShape } | { kind: 'flat' } | { kind: 'none' };

/** Examples made from the seed, as a generator returns them. */
export interface GeneratedData {
  x: Float32Array;
  y: Int32Array;
  n: number;
  input: InputShape;
  classNames: string[];
}

/** Where the examples come from; the data layer picks its loader by `kind`. */
export type DatasetSource =
  | { kind: 'generated'; title: string; generate(rng: Rng): GeneratedData }
  | { kind: 'digits' }
  | { kind: 'table' }
  | { kind: 'download' }
  | { kind: 'user' }
  | { kind: 'benchmark' };

/**
 * One data set: its menu title, a sentence for `--help`, what kind of examples it has, where they
 * come from, and what it needs of the rest of the experiment.
 */
export interface DatasetEntry<Id extends string = string> extends Described<Id> {
  kind: DatasetKind;
  source: DatasetSource;
  /** Fetched at run time from its public mirrors (and cached on the device). */
  downloaded?: boolean;
  /** What a network sees of an example, at full resolution (or, for the user's file, as the experiment names it). */
  input: DataInput | ((x: ExperimentView) => DataInput);
  check?(c: CheckContext): Problem[];
}

/** An entry with its literal types kept (ids, kinds), so the registry can type lists by trait. */
export function defineDataset<const E extends DatasetEntry>(entry: E): E {
  return entry;
}
