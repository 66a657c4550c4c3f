import { adjustFor, type ExperimentPatch } from '../../core/adjust';
import { datasetEntry } from '../../core/dataset/index';
import { evaluatorEntry } from '../../core/evaluator/index';
import { ExperimentSchema, type Experiment } from '../../core/experiment';
import { methodEntry } from '../../core/methods';
import { fieldInfo, fieldSchema, type FieldInfo } from '../../core/schema-tools';
import { spaceEntry } from '../../core/space/index';
import type { SearchSession } from '../../state/session.svelte';

/** Words for the fields the moves touch most, for "what else changed" notes. */
const FIELD_LABELS: Record<string, string> = {
  dataset: 'dataset',
  space: 'search space',
  strategy: 'strategy',
  evaluator: 'evaluation',
  budget: 'trials',
  'training.epochs': 'epochs',
  'surrogate.enabled': 'surrogate',
  'hpo.enabled': 'hyperparameter search',
  'objective.cost': 'cost',
  'objective.target': 'target',
};

/** A value as the menus write it: an entry's title, on/off, or the value. */
function valueLabel(path: string, value: unknown): string {
  const id = String(value);
  if (path === 'dataset') return datasetEntry(id)?.title ?? id;
  if (path === 'space') return spaceEntry(id)?.title ?? id;
  if (path === 'strategy') return methodEntry(id)?.title ?? id;
  if (path === 'evaluator') return evaluatorEntry(id)?.title ?? id;
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return Array.isArray(value) ? value.join(', ') : id;
}

const fieldLabel = (path: string) => FIELD_LABELS[path] ?? infoAt(path).label?.toLowerCase() ?? path.split('.').pop()!;

/** "Choosing DARTS also set search space to NAS-Bench-201 cell and surrogate to off, so that it can run." */
export function describeChanges(source: string, after: Experiment, changed: readonly string[]): string | null {
  if (changed.length === 0) return null;
  const chosen = valueLabel(source, valueAt(after, source));
  const parts = changed.map((path) => `${fieldLabel(path)} to ${valueLabel(path, valueAt(after, path))}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  return `Choosing ${chosen} also set ${list}, so that it can run as intended.`;
}

/** The dotted path of the one field a patch sets (its first leaf). */
function sourceOf(patch: ExperimentPatch): string {
  const keys: string[] = [];
  let node: unknown = patch;
  while (node && typeof node === 'object' && !Array.isArray(node)) {
    const [key] = Object.keys(node);
    if (key === undefined) break;
    keys.push(key);
    node = (node as Record<string, unknown>)[key];
  }
  return keys.join('.');
}

/**
 * Applies a change and the moves it brings (core's adjustFor); the session refuses what would not
 * run, beside the control, and the control says what else the change moved.
 */
export function edit(session: SearchSession, patch: ExperimentPatch): boolean {
  // adjustFor works on a copy, so the session's reactive experiment can be handed to it as it is.
  const { experiment, changed } = adjustFor(session.experiment, patch);
  const source = sourceOf(patch);
  const text = describeChanges(source, experiment, changed);
  return session.update((draft) => Object.assign(draft, experiment), text ? { source, text } : null);
}

/** `{ a: { b: value } }` for the path "a.b". */
export function patchAt(path: string, value: unknown): ExperimentPatch {
  return path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as ExperimentPatch;
}

export function valueAt(x: Experiment, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], x);
}

const infos = new Map<string, FieldInfo>();

/** What the schema says of a field: kind, bounds, step, options, label. */
export function infoAt(path: string): FieldInfo {
  let info = infos.get(path);
  if (!info) infos.set(path, (info = fieldInfo(fieldSchema(ExperimentSchema, path))));
  return info;
}

/** The `min`, `max` and `step` attributes of a number input, from the schema. */
export function bounds(path: string): { min?: number; max?: number; step: number | 'any' } {
  const { min, max, step } = infoAt(path);
  return { min, max, step: step ?? 'any' };
}

/** Test ids the end-to-end tests know fields by; any other field's is its path in kebab case. */
const TEST_IDS: Record<string, string> = {
  budget: 'budget',
  'training.epochs': 'epochs',
  seed: 'seed',
  'spaceSettings.chain.depth': 'chain-depth',
  'spaceSettings.resolution.layers': 'resolution-layers',
  'spaceSettings.nb201.cellsPerStage': 'nb201-cells',
  'spaceSettings.nb201.channels': 'space-channels',
  'spaceSettings.cell.channels': 'space-channels',
  'spaceSettings.resolution.channels': 'space-channels',
  'spaceSettings.cell.nodes': 'cell-nodes',
  'spaceSettings.cell.cellsPerStage': 'cell-depth',
  'spaceSettings.cell.ops': 'cell-ops',
  'strategySettings.oneShot.epochs': 'one-shot-epochs',
  'strategySettings.oneShot.archLearningRate': 'arch-rate',
  'strategySettings.oneShot.warmup': 'warmup',
  'strategySettings.oneShot.order': 'darts-order',
  'strategySettings.oneShot.stages': 'pdarts-stages',
  'strategySettings.oneShot.skipDropout': 'skip-dropout',
  'strategySettings.oneShot.latencyWeight': 'latency-weight',
  'strategySettings.oneShot.search': 'spos-search',
  'strategySettings.oneShot.recalibrate': 'recalibrate',
  'strategySettings.oneShot.retrain': 'retrain',
};

export function testIdOf(path: string): string {
  return TEST_IDS[path] ?? path.replace(/\./g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
