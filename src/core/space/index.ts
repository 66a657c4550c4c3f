import type * as v from 'valibot';
import type { SettingsKeyOf, SettingsSchema } from '../schema-tools';
import { cell } from './cell-entry';
import { chain } from './chain-entry';
import type { SpaceEntry } from './entry';
import { hierarchical } from './hier-entry';
import { mnas } from './mnas-entry';
import { nb201 } from './nb201-entry';
import { resolution } from './resolution-entry';
import type { SearchSpace } from './types';
import { WithHyperparameters, type HyperparameterGrid } from './with-hyperparameters';

/** The search spaces, in menu order. Each entry lives in the space's own file. */
export const SPACES = [chain, cell, nb201, mnas, resolution, hierarchical] as const;

type Entries = (typeof SPACES)[number];
export type SpaceId = Entries['id'];
export const SPACE_IDS: readonly SpaceId[] = SPACES.map((s) => s.id);

export type AnySpaceEntry = SpaceEntry<SpaceId, string, SettingsSchema>;

/** Per settings group, what a space may be built with. */
export type SpaceSettings = {
  [E in Entries as SettingsKeyOf<E>]?: E extends SpaceEntry<string, string, infer S> ? Partial<v.InferOutput<S>> : never;
};

const BY_ID = new Map<string, AnySpaceEntry>(SPACES.map((s) => [s.id, s as AnySpaceEntry]));

export function spaceEntry(id: SpaceId): AnySpaceEntry;
export function spaceEntry(id: string): AnySpaceEntry | undefined;
export function spaceEntry(id: string): AnySpaceEntry | undefined {
  return BY_ID.get(id);
}

/** The spaces weight sharing can build a supernet of, in registry order. */
export const SUPERNET_SPACES: readonly AnySpaceEntry[] = [...BY_ID.values()].filter((s) => s.supernet);

/** Whether a space's supernet serves the weight-sharing method `method` (a one-shot strategy's id, or the supernet evaluator's). */
export function servesMethod(entry: AnySpaceEntry | undefined, method: string): boolean {
  return Boolean(entry?.supernet) && (!entry!.supernet!.methods || entry!.supernet!.methods.includes(method));
}

/**
 * The space an experiment searches: an architecture space, with the training hyperparameters added
 * when HPO is on; `flat`: its inputs are flat rows (tables, points), for a space that has a form for them.
 */
export function createSpace(id: SpaceId, settings: SpaceSettings = {}, hyperparameters?: HyperparameterGrid | null, flat = false): SearchSpace {
  const entry = spaceEntry(id);
  const own = entry.settings ? (settings as Record<string, object | undefined>)[entry.settings.key] : undefined;
  const architecture = flat && entry.flatInputs ? entry.create(own ?? {}, { flat }) : entry.create(own ?? {});
  return hyperparameters ? (new WithHyperparameters(architecture, hyperparameters) as SearchSpace) : architecture;
}

export type { SearchSpace } from './types';
export type { SpaceEntry } from './entry';
