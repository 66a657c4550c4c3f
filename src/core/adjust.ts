import * as v from 'valibot';
import { BENCHMARK_DATASETS, datasetEntry } from './dataset/index';
import { EVALUATORS, evaluatorEntry } from './evaluator/index';
import { methodEntry, sharerOf } from './methods';
import type { CostMetric } from './objective';
import { ExperimentSchema, type Experiment } from './schema';
import { servesMethod, SPACES, spaceEntry, SUPERNET_SPACES, type AnySpaceEntry } from './space/index';
import { strategyEntry } from './strategy/index';
import type { ExperimentView } from './experiment-fields';

/**
 * The moves a change brings along, so that a choice lands where it can run: choosing the NB201
 * lookup moves the space and the dataset to the table's, choosing weight sharing moves to a space
 * with a supernet, and so on. The page applies them to every change; the CLI to the evaluator and
 * strategy it is given, before the flags that name fields themselves.
 */

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
export type ExperimentPatch = DeepPartial<Experiment>;

export interface Adjusted {
  experiment: Experiment;
  /** Dotted paths of the fields the moves changed beyond those the patch set. */
  changed: string[];
}

const DEFAULTS = v.parse(ExperimentSchema, {});

/** Targets a cost starts at when chosen: for networks trained here, and for the table's (CIFAR-scale) cells. */
const TARGETS: Record<CostMetric, { trained: number; table: number }> = {
  latency: { trained: DEFAULTS.objective.target, table: DEFAULTS.objective.target },
  flops: { trained: 200e3, table: 100e6 },
  params: { trained: 5e3, table: 500e3 },
};

/** Experiments are JSON data; a JSON copy also reads reactive proxies (the page's state), which structuredClone refuses. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function merge(into: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (isPlainObject(value) && isPlainObject(into[key])) merge(into[key] as Record<string, unknown>, value);
    else into[key] = copy(value);
  }
}

/** Dotted paths of the leaves where `a` and `b` differ (arrays are leaves). */
function leafPaths(a: unknown, b: unknown, prefix = ''): string[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => leafPaths(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix];
}

function settingsOf(d: Experiment, entry: AnySpaceEntry | undefined): Record<string, unknown> | undefined {
  const key = entry?.settings?.key;
  return key ? (d.spaceSettings as Record<string, Record<string, unknown>>)[key] : undefined;
}

/** Into a space that has a supernet, with settings it can build, and without per-candidate extras. */
function toSupernet(d: Experiment): void {
  // A space with no supernet, or one whose supernet serves only some methods (the resolution trellis: DARTS), hands the others the preferred space.
  if (!servesMethod(spaceEntry(d.space as string), sharerOf(d))) d.space = (SUPERNET_SPACES.find((s) => s.supernet?.preferred) ?? SUPERNET_SPACES[0]!).id;
  const entry = spaceEntry(d.space as string);
  const settings = settingsOf(d, entry);
  if (settings) entry?.supernet?.fit?.(settings);
  d.surrogate.enabled = false;
  d.hpo.enabled = false;
}

function onEvaluator(d: Experiment): void {
  const evaluator = evaluatorEntry(d.evaluator as string);
  const benchmark = datasetEntry(d.dataset as string)?.kind === 'benchmark';
  if (!evaluator) return;
  if (evaluator.tableSpace) {
    d.space = evaluator.tableSpace;
    if (!benchmark) d.dataset = BENCHMARK_DATASETS[0]!;
  } else if (benchmark) {
    d.dataset = DEFAULTS.dataset;
  }
  if (evaluator.sharesWeights) {
    toSupernet(d);
    if (methodEntry(d.strategy as string)?.multiFidelity) d.strategy = DEFAULTS.strategy;
  }
}

/** The moves an ask/tell strategy brings when chosen (Hyperband's rungs need epochs). */
function chosenStrategy(d: Experiment): void {
  const entry = strategyEntry(d.strategy as string);
  const key = entry?.settings?.key;
  if (entry?.onChoose && key) entry.onChoose(d as ExperimentView, (d.strategySettings as Record<string, object>)[key] as never);
}

/** A data set known only through the table brings the table's lookup with it. */
function onDataset(d: Experiment): void {
  if (datasetEntry(d.dataset as string)?.kind !== 'benchmark' || evaluatorEntry(d.evaluator as string)?.table) return;
  const lookup = EVALUATORS.find((e) => e.table);
  if (!lookup) return;
  d.evaluator = lookup.id;
  onEvaluator(d);
}

function onObjective(d: Experiment, costChosen: boolean): void {
  const table = evaluatorEntry(d.evaluator as string)?.table ?? false;
  // Nothing runs in a table lookup, so there is no latency to measure.
  if (!costChosen && table && d.objective.cost === 'latency') {
    d.objective.cost = 'flops';
    d.objective.target = TARGETS.flops.table;
  }
  const targets = TARGETS[d.objective.cost];
  if (costChosen && targets) d.objective.target = targets[table ? 'table' : 'trained'];
}

/** `x` with `patch` applied and the moves it brings; `x` itself is left as it is. */
export function adjustFor(x: Experiment, patch: ExperimentPatch): Adjusted {
  const asked = copy(x);
  merge(asked as unknown as Record<string, unknown>, patch as Record<string, unknown>);
  const d = copy(asked);
  const set = new Set(leafPaths(x, asked));
  if (set.has('evaluator')) onEvaluator(d);
  else if (set.has('dataset')) onDataset(d);
  if (set.has('strategy') && methodEntry(d.strategy as string)?.hasSupernet) toSupernet(d);
  if (set.has('strategy')) chosenStrategy(d);
  if (set.has('objective.kind') || set.has('objective.cost')) onObjective(d, set.has('objective.cost'));
  for (const entry of SPACES as readonly AnySpaceEntry[]) {
    const settings = settingsOf(d, entry);
    const prefix = `spaceSettings.${entry.settings?.key}.`;
    for (const path of set) if (settings && entry.follow && path.startsWith(prefix)) entry.follow(settings, path.slice(prefix.length));
  }
  return { experiment: d, changed: leafPaths(asked, d) };
}
