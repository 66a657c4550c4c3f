import { PlaygroundError } from '../core/errors';
import type { Experiment } from '../core/experiment';
import { ONE_SHOT, ONE_SHOT_GROUP } from '../core/one-shot/index';
import { fieldsOf, type FieldInfo, type SettingsGroup } from '../core/schema-tools';
import { SPACES } from '../core/space/index';
import { STRATEGIES } from '../core/strategy/index';

/**
 * One flag per field of every entry's settings (`--chain-depth 6`, `--evolution-population 20`,
 * `--order 2`), made from the registries: a new entry's settings get flags, bounds checks and
 * `--help` lines without edits here.
 */
export interface SettingFlag {
  flag: string;
  /** Where the value goes: `spaceSettings` or `strategySettings`, the group's key, the field. */
  where: 'spaceSettings' | 'strategySettings';
  group: string;
  field: string;
  info: FieldInfo;
  /** A boolean that defaults to true is turned off by `--no-…`. */
  negated: boolean;
  /** The weight-sharing methods that read it, for a shared setting. */
  usedBy?: string[];
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function flagsOf(settings: SettingsGroup | undefined, where: SettingFlag['where']): SettingFlag[] {
  if (!settings) return [];
  const prefix = settings.cli?.prefix ?? settings.key;
  return fieldsOf(settings.schema)
    .filter(([field]) => !settings.cli?.skip?.includes(field))
    .map(([field, info]) => {
      const negated = info.kind === 'boolean' && info.default === true;
      const name = [negated ? 'no' : '', prefix, kebab(field)].filter(Boolean).join('-');
      const usedBy = settings === ONE_SHOT_GROUP.settings ? ONE_SHOT.filter((m) => (m.uses as readonly string[]).includes(field)).map((m) => m.name) : [];
      return { flag: name, where, group: settings.key, field, info, negated, ...(usedBy.length ? { usedBy } : {}) };
    });
}

function unique(groups: ReadonlyArray<SettingsGroup | undefined>): SettingsGroup[] {
  const seen = new Map<string, SettingsGroup>();
  for (const g of groups) if (g && !seen.has(g.key)) seen.set(g.key, g);
  return [...seen.values()];
}

export const SETTING_FLAGS: readonly SettingFlag[] = [
  ...unique(SPACES.map((s) => s.settings as SettingsGroup | undefined)).flatMap((g) => flagsOf(g, 'spaceSettings')),
  ...unique([...STRATEGIES.map((s) => s.settings as SettingsGroup | undefined), ONE_SHOT_GROUP.settings]).flatMap((g) => flagsOf(g, 'strategySettings')),
];

/** The `parseArgs` options of the setting flags. */
export function settingOptions(): Record<string, { type: 'string' | 'boolean' }> {
  return Object.fromEntries(SETTING_FLAGS.map((f) => [f.flag, { type: f.info.kind === 'boolean' ? 'boolean' : 'string' }]));
}

function usageError(message: string): PlaygroundError {
  return new PlaygroundError('invalid-config', message, 'Run with --help to see the options.');
}

const range = (info: FieldInfo) => (info.min !== undefined && info.max !== undefined ? ` from ${info.min} to ${info.max}` : '');

function number(flag: string, text: string, info: FieldInfo): number {
  const whole = info.kind === 'integer';
  const value = Number(text);
  const ok =
    text.trim() !== '' &&
    Number.isFinite(value) &&
    (!whole || Number.isInteger(value)) &&
    (info.min === undefined || value >= info.min) &&
    (info.max === undefined || value <= info.max);
  if (!ok) throw usageError(`--${flag} must be ${whole ? 'a whole number' : 'a number'}${range(info)}; got "${text}".`);
  return value;
}

/** A flag's text as the field's value, checked against the field's kind and bounds. */
export function settingValue(f: SettingFlag, raw: string | boolean): unknown {
  const { info, flag } = f;
  if (info.kind === 'boolean') return !f.negated;
  const text = String(raw);
  if (info.kind === 'choice') {
    const found = info.options!.find((o) => String(o) === text);
    if (found === undefined) throw usageError(`--${flag} must be one of ${info.options!.join(', ')}; got "${text}".`);
    return found;
  }
  if (info.kind === 'list') return text.split(',').map((part) => number(flag, part, info.item ?? { kind: 'number' }));
  return number(flag, text, info);
}

/** `x`'s settings groups with the given flags applied. */
export function applySettingFlags(x: Experiment, values: Record<string, string | boolean | undefined>): Pick<Experiment, 'spaceSettings' | 'strategySettings'> {
  const out = JSON.parse(JSON.stringify({ spaceSettings: x.spaceSettings, strategySettings: x.strategySettings })) as Pick<
    Experiment,
    'spaceSettings' | 'strategySettings'
  >;
  for (const f of SETTING_FLAGS) {
    const raw = values[f.flag];
    if (raw === undefined || raw === false) continue;
    const groups = out[f.where] as Record<string, Record<string, unknown>>;
    groups[f.group] = { ...groups[f.group], [f.field]: settingValue(f, raw) };
  }
  return out;
}

/** `--help` lines: the flag, what it takes, its label, bounds and default. */
export function settingUsage(): string {
  const lines = SETTING_FLAGS.map((f) => {
    const { info } = f;
    const takes =
      info.kind === 'boolean'
        ? ''
        : info.kind === 'choice'
          ? ` ${info.options!.join('|')}`
          : info.kind === 'list'
            ? ' A,B,…'
            : info.kind === 'integer'
              ? ' N'
              : ' X';
    const bounds = info.min !== undefined ? `, ${info.min}..${info.max}` : '';
    const fallback = info.kind === 'boolean' ? '' : ` [${Array.isArray(info.default) ? info.default.join(',') : String(info.default)}]`;
    const head = `  --${f.flag}${takes}`;
    const users = f.usedBy ? ` (${f.usedBy.join(', ')})` : '';
    return `${head.padEnd(35)} ${f.negated ? 'turn off: ' : ''}${info.label ?? f.field}${users}${bounds}${fallback}`;
  });
  return lines.join('\n');
}
