import * as v from 'valibot';
import { PlaygroundError } from './errors';
import { clip } from './format';

/** A whole number in [min, max]. */
export const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
/** A finite number in [min, max]. */
export const real = (min: number, max: number) => v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));

/** The settings of one entry (a space, a strategy…): an object whose every field has a default. */
export type SettingsSchema = v.ObjectSchema<v.ObjectEntries, undefined>;

/** Where an entry's settings sit in `spaceSettings` / `strategySettings`, and how the CLI names their flags. */
export interface SettingsGroup<K extends string = string, S extends SettingsSchema = SettingsSchema> {
  key: K;
  schema: S;
  /** Flag prefix (default: the key); fields listed in `skip` have flags of their own. */
  cli?: { prefix: string; skip?: readonly string[] };
}

type GroupOf<E> = E extends { settings?: infer G }
  ? NonNullable<G> extends { key: infer K extends string; schema: infer S extends v.GenericSchema }
    ? [K, S]
    : never
  : never;

/** The settings key of an entry, or never when it has no settings. */
export type SettingsKeyOf<E> = GroupOf<E>[0];

/** One optional field per settings group of the entries, keyed by the group's key (entries may share a group). */
export type SettingsEntries<T extends readonly unknown[]> = { [G in GroupOf<T[number]> as G[0]]: v.OptionalSchema<G[1], v.InferInput<G[1]>> };

/** The settings groups of a list of entries, as one object schema: a new entry's settings join it without further edits. */
export function settingsObject<const T extends readonly object[]>(entries: T): v.ObjectSchema<SettingsEntries<T>, undefined> {
  const fields: Record<string, v.GenericSchema> = {};
  for (const { settings } of entries as readonly { settings?: SettingsGroup }[]) {
    if (settings && !(settings.key in fields)) fields[settings.key] = v.optional(settings.schema, {});
  }
  return v.object(fields) as unknown as v.ObjectSchema<SettingsEntries<T>, undefined>;
}

/** Issues as "path: message; …", at most four. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 4)
    .map((issue) => {
      const path = issue.path?.map((p) => clip(String(p.key), 30)).join('.') ?? '(top level)';
      // The value received is echoed at most a few dozen characters long: a 67 KB link once made a 52 MB message.
      const message = issue.received.length > 40 ? issue.message.split(issue.received).join(clip(issue.received, 40)) : issue.message;
      return `${path}: ${clip(message, 160)}`;
    })
    .join('; ');
}

/**
 * Settings a class runs with: `given` validated by the entry's schema, its defaults filled in, and
 * fields the schema does not hold (fixed constants, values the engine sets) kept from `given`.
 */
export function settingsOf<S extends SettingsSchema, F extends object = v.InferOutput<S>>(schema: S, given: Partial<F> = {}, what = 'The settings'): F {
  const result = v.safeParse(schema, given);
  if (!result.success)
    throw new PlaygroundError('invalid-config', `${what} are not valid — ${describeIssues(result.issues)}.`, 'Use values within the bounds named.');
  return { ...given, ...result.output } as F;
}

/** What a control or a flag needs to know about one field: its kind, bounds, step, options and default. */
export interface FieldInfo {
  kind: 'integer' | 'number' | 'choice' | 'boolean' | 'list' | 'object' | 'other';
  min?: number;
  max?: number;
  /** From the schema's metadata, else 1 for whole numbers. */
  step?: number;
  options?: readonly (string | number)[];
  default?: unknown;
  /** From the schema's title. */
  label?: string;
  /** For lists: their items. */
  item?: FieldInfo;
  /** Words for the options of a choice, from the schema's metadata. */
  optionLabels?: Record<string, string>;
}

interface Walkable {
  type: string;
  wrapped?: Walkable;
  default?: unknown;
  kind?: string;
  pipe?: readonly Walkable[];
  requirement?: unknown;
  title?: string;
  metadata?: Record<string, unknown>;
  options?: readonly (string | number)[];
  item?: Walkable;
  entries?: Record<string, Walkable>;
}

export function fieldInfo(schema: v.GenericSchema): FieldInfo {
  let s = schema as unknown as Walkable;
  let fallback: unknown;
  while (s.type === 'optional' && s.wrapped) {
    fallback = s.default;
    s = s.wrapped;
  }
  const info: FieldInfo = { kind: 'other', ...(fallback !== undefined ? { default: fallback } : {}) };
  if (s.type === 'number') info.kind = 'number';
  else if (s.type === 'picklist') Object.assign(info, { kind: 'choice', options: s.options });
  else if (s.type === 'boolean') info.kind = 'boolean';
  else if (s.type === 'array' && s.item) Object.assign(info, { kind: 'list', item: fieldInfo(s.item as unknown as v.GenericSchema) });
  else if (s.type === 'object') info.kind = 'object';
  readActions(s, info);
  if (info.kind === 'integer' && info.step === undefined) info.step = 1;
  return info;
}

/** Bounds, title and metadata from a pipe, and from the pipes it wraps (`v.pipe(int(1, 12), v.title(…))`). */
function readActions(s: Walkable, info: FieldInfo): void {
  for (const action of s.pipe ?? []) {
    if (action === s) continue;
    if (action.kind === 'schema') readActions(action as Walkable, info);
    else if (action.type === 'integer') info.kind = 'integer';
    else if (action.type === 'min_value') info.min = action.requirement as number;
    else if (action.type === 'max_value') info.max = action.requirement as number;
    else if (action.type === 'title') info.label = action.title;
    else if (action.type === 'metadata') {
      const meta = action.metadata ?? {};
      if (typeof meta.step === 'number') info.step = meta.step;
      if (meta.labels) info.optionLabels = meta.labels as Record<string, string>;
    }
  }
}

/** The schema of the field at a dotted path ("training.epochs"), through optional wrappers; throws on a path the schema lacks. */
export function fieldSchema(root: v.GenericSchema, path: string): v.GenericSchema {
  let s = root as unknown as Walkable;
  for (const key of path.split('.')) {
    while (s.type === 'optional' && s.wrapped) s = s.wrapped;
    const next = s.entries?.[key];
    if (!next) throw new Error(`The experiment schema has no field "${path}".`);
    s = next;
  }
  return s as unknown as v.GenericSchema;
}

/** The fields of an object schema, in order. */
export function fieldsOf(schema: SettingsSchema): Array<[string, FieldInfo]> {
  return Object.entries(schema.entries).map(([key, field]) => [key, fieldInfo(field as v.GenericSchema)]);
}
