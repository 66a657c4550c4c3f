import * as v from 'valibot';
import { flatData } from './dataset/input';
import { ExperimentSchema, type Experiment } from './schema';
import { createSpace, type SearchSpace } from './space/index';

/** The defaults, for diffing: parsed once, never handed out (callers may change what they get). */
const DEFAULTS: Experiment = v.parse(ExperimentSchema, {});

/**
 * The fields of `x` that differ from the defaults, so links stay short and keep meaning the same
 * thing when a later version changes nothing but adds fields.
 */
export function minimalExperiment(x: Experiment, defaults: object = DEFAULTS): Record<string, unknown> {
  return (diff(x, defaults) as Record<string, unknown> | undefined) ?? {};
}

function diff(value: unknown, base: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof base === 'object' && base !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const d = diff(child, (base as Record<string, unknown>)[key]);
      if (d !== undefined) out[key] = d;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return JSON.stringify(value) === JSON.stringify(base) ? undefined : value;
}

/** The hyperparameter grid to search, or null when HPO is off. */
export function hyperparameterGrid(x: Experiment): { learningRate: number[]; batchSize: number[]; weightDecay: number[] } | null {
  return x.hpo.enabled ? { learningRate: x.hpo.learningRate, batchSize: x.hpo.batchSize, weightDecay: x.hpo.weightDecay } : null;
}

/** The space an experiment searches, hyperparameters included when HPO is on, in its form for the data's inputs. */
export function experimentSpace(x: Experiment): SearchSpace {
  return createSpace(x.space, x.spaceSettings, hyperparameterGrid(x), flatData(x));
}
