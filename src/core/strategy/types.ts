import type * as v from 'valibot';
import type { ExperimentView } from '../experiment-fields';
import type { Described, MethodTraits, Note, Problem } from '../problems';
import type { RngState } from '../rng';
import type { SettingsGroup, SettingsSchema } from '../schema-tools';
import type { SearchSpace } from '../space/types';

/** What a strategy asks the engine to evaluate next. */
export interface Proposal {
  genotype: unknown;
  encoded: string;
  /** Why this candidate: `random`, `mutation of #4`, … shown in the trial table. */
  origin: string;
  /** Share of the full training budget to spend on it, in (0, 1]; absent means all of it. */
  fidelity?: number;
}

/** What the engine tells the strategy back: the candidate and the reward it earned. */
export interface Outcome {
  index: number;
  genotype: unknown;
  encoded: string;
  /** The reward the strategy maximises (validation accuracy, 0..1). */
  reward: number;
}

export interface StrategyState {
  kind: string;
  rng: RngState;
  [field: string]: unknown;
}

/** Ask/tell search strategy (as in Optuna or NNI); its state is plain JSON so a search can resume exactly. */
export interface Strategy {
  readonly id: string;
  ask(): Proposal;
  tell(outcome: Outcome): void;
  state(): StrategyState;
}

/** The settings the engine hands a strategy beyond its own: its resource for multi-fidelity runs. */
export interface RunContext {
  /** The experiment's full training length, in epochs. */
  epochs: number;
}

/**
 * Everything the playground knows about one ask/tell strategy: its menu title and blurb, its
 * traits, its settings (schema with defaults and bounds, the one worth a control), its checks and
 * its factory. It lives in the strategy's own file; `strategy/index.ts` lists the entries.
 */
export interface StrategyEntry<
  Id extends string = string,
  K extends string = string,
  S extends SettingsSchema = SettingsSchema,
  F extends object = v.InferOutput<S>,
>
  extends Described<Id>, MethodTraits {
  kind: 'ask-tell';
  /** Its line and swatch in the comparison chart. */
  color: string;
  settings?: SettingsGroup<K, S>;
  /** The one setting worth a control on the page, a field of `settings`. */
  control?: keyof v.InferOutput<S> & string;
  /** Inconsistent settings, checked whether or not the strategy is chosen (others may use them). */
  checkSettings?(settings: v.InferOutput<S>): Problem | null;
  /** Random trials it runs before its own moves (a population to fill, a model's start-up), from its settings. */
  startUp?(settings: v.InferOutput<S>): number;
  /** Settings that would hide what it does (Hyperband with one rung is random search): a note for the page, or null. */
  note?(x: ExperimentView, settings: v.InferOutput<S>): Note | null;
  /** Moves other settings along when it is chosen, so that it can show what it does. */
  onChoose?(x: ExperimentView, settings: v.InferOutput<S>): void;
  create(space: SearchSpace, seed: number, settings: Partial<F>, state?: StrategyState, run?: RunContext): Strategy;
}

type AskTellTraits = Partial<Omit<MethodTraits, 'kind' | 'name'>> & { name: string };

/** An entry with the traits most strategies share (one fidelity, no supernet) filled in. */
export function defineStrategy<
  const Id extends string,
  const K extends string = never,
  S extends SettingsSchema = SettingsSchema,
  F extends object = v.InferOutput<S>,
>(entry: Omit<StrategyEntry<Id, K, S, F>, 'kind' | keyof MethodTraits> & AskTellTraits): StrategyEntry<Id, K, S, F> {
  return { multiFidelity: false, hasSupernet: false, ranksPaths: false, readsAlpha: false, ...entry, kind: 'ask-tell' };
}
