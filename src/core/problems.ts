import { PlaygroundError } from './errors';
import type { ExperimentView } from './experiment-fields';

/**
 * Why an experiment cannot run: the field it is about (a dotted path, e.g. `evaluator` or
 * `spaceSettings.cell.ops`), what is wrong, and what to do. The page shows it beside the control;
 * `parseExperiment` throws the first one.
 */
export interface Problem {
  field: string;
  message: string;
  advice: string;
}

/** Something the person should know about settings that do run: they hide what a choice does, or give results that cannot be trusted. */
export interface Note {
  field: string;
  message: string;
}

export function problem(field: string, message: string, advice: string): Problem {
  return { field, message, advice };
}

export function problemError(p: Problem): PlaygroundError {
  return new PlaygroundError('invalid-config', p.message, p.advice);
}

/** What every registry entry has: an id, a title for menus, and a sentence or two for the page and `--help`. */
export interface Described<Id extends string = string> {
  id: Id;
  title: string;
  blurb: string;
}

/** Traits of the chosen strategy (ask/tell or weight-sharing) that rules and the page ask instead of listing ids. */
export interface MethodTraits {
  kind: 'ask-tell' | 'one-shot';
  /** Short name for messages ("BOHB"). */
  name: string;
  /** Trains candidates at several fidelities (epochs): needs an evaluator that has them. */
  multiFidelity: boolean;
  /** Trains a supernet of shared weights itself. */
  hasSupernet: boolean;
  /** Ends by ranking sampled paths with the shared weights: the budget counts them. */
  ranksPaths: boolean;
  /** Reads its answer off the architecture weights α: what it returns is its latest derived genotype. */
  readsAlpha: boolean;
}

/** The chosen entries of an experiment, handed to every hook so none has to look another up. */
export interface CheckContext {
  x: ExperimentView;
  dataset: Described & { kind: string };
  space: Described & { settings?: { key: string }; supernet?: { check?(settings: object, title: string): Problem | null; methods?: readonly string[] } };
  strategy: Described & MethodTraits;
  evaluator: Described & { name: string; table: boolean; fidelities: boolean; sharesWeights: boolean; oneFidelity?(strategyName: string): Problem };
  /** Titles of the spaces that have a supernet, in registry order ("cell and nb201"). */
  supernetSpaces: readonly string[];
}
