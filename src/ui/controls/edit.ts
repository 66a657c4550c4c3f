import { adjustFor, type ExperimentPatch } from '../../core/adjust';
import { ExperimentSchema, type Experiment } from '../../core/experiment';
import { fieldInfo, fieldSchema, type FieldInfo } from '../../core/schema-tools';
import type { SearchSession } from '../../state/session.svelte';

/** Applies a change and the moves it brings (core's adjustFor); the session refuses what would not run. */
export function edit(session: SearchSession, patch: ExperimentPatch): void {
  session.update((draft) => {
    Object.assign(draft, adjustFor(draft, patch).experiment);
  });
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
