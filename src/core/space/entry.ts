import type * as v from 'valibot';
import type { Described, Problem } from '../problems';
import type { SettingsGroup, SettingsSchema } from '../schema-tools';
import type { SearchSpace } from './types';

/**
 * Everything the playground knows about one search space besides its genotypes: menu title and
 * blurb, its settings (schema with defaults and bounds, and which of them the page shows), whether a
 * supernet of it exists, and its factory. It lives in the space's own file; `space/index.ts` lists
 * the entries.
 */
export interface SpaceEntry<Id extends string = string, K extends string = string, S extends SettingsSchema = SettingsSchema> extends Described<Id> {
  settings?: SettingsGroup<K, S>;
  /** The settings the page shows, in order; their labels are the schema's titles. */
  controls?: ReadonlyArray<keyof v.InferOutput<S> & string>;
  /** Present where weight sharing can build a supernet of this space. */
  supernet?: {
    /** Where the page moves a search that needs a supernet. */
    preferred?: boolean;
    /** Why these settings cannot make a supernet, in a message that starts with `title`; null when they can. */
    check?(settings: v.InferOutput<S>, title: string): Problem | null;
    /** Changes the settings so that they can. */
    fit?(settings: v.InferOutput<S>): void;
    /** The weight-sharing methods (ids) its supernet serves, where not all do. */
    methods?: readonly string[];
  };
  /** Moves other settings along when `field` was set (a choice that implies another). */
  follow?(settings: v.InferOutput<S>, field: string): void;
  /**
   * Builds networks for flat inputs too (a table's rows, points), with ops made for them: `create`
   * is then asked with `flat`. A space without it convolves images only, and the rules refuse it on flat data.
   */
  flatInputs?: true;
  create(settings: Partial<v.InferOutput<S>>, options?: { flat?: boolean }): SearchSpace;
}

/** An entry, its types inferred from its settings. */
export function defineSpace<const Id extends string, const K extends string = never, S extends SettingsSchema = SettingsSchema>(
  entry: SpaceEntry<Id, K, S>,
): SpaceEntry<Id, K, S> {
  return entry;
}
