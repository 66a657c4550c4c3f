import type { SettingsKeyOf, SettingsSchema } from '../schema-tools';
import type { SearchSpace } from '../space/types';
import { bananas } from './bananas';
import { evolution } from './evolution';
import { grid } from './grid';
import { bohb, hyperband } from './hyperband';
import { pnas } from './pnas';
import { random } from './random';
import { reinforce } from './reinforce';
import { reinforceLstm } from './reinforce-lstm';
import { tpe } from './tpe';
import type { RunContext, Strategy, StrategyEntry, StrategyState } from './types';

/** The ask/tell strategies, in menu order. Each entry lives in the strategy's own file. */
export const STRATEGIES = [random, grid, evolution, reinforce, reinforceLstm, bananas, pnas, tpe, hyperband, bohb] as const;

type Entries = (typeof STRATEGIES)[number];
export type StrategyId = Entries['id'];
export const STRATEGY_IDS: readonly StrategyId[] = STRATEGIES.map((s) => s.id);

/** Any entry, with its settings seen as plain objects. */
export type AnyStrategyEntry = StrategyEntry<StrategyId, string, SettingsSchema, object>;

/** Per settings group, what a strategy may be built with: its schema's fields, and fixed ones a test or the engine may set. */
export type StrategySettings = {
  [E in Entries as SettingsKeyOf<E>]?: E extends StrategyEntry<string, string, SettingsSchema, infer F> ? Partial<F> : never;
};

const BY_ID = new Map<string, AnyStrategyEntry>(STRATEGIES.map((s) => [s.id, s as AnyStrategyEntry]));

export function strategyEntry(id: StrategyId): AnyStrategyEntry;
export function strategyEntry(id: string): AnyStrategyEntry | undefined;
export function strategyEntry(id: string): AnyStrategyEntry | undefined {
  return BY_ID.get(id);
}

export function createStrategy(
  id: StrategyId,
  space: SearchSpace,
  seed: number,
  settings: StrategySettings = {},
  state?: StrategyState,
  run?: RunContext,
): Strategy {
  const entry = strategyEntry(id);
  const own = entry.settings ? (settings as Record<string, object | undefined>)[entry.settings.key] : undefined;
  return entry.create(space, seed, own ?? {}, state, run);
}

export type { Strategy, StrategyEntry, StrategyState, Proposal, Outcome, RunContext } from './types';
