import * as v from 'valibot';
import { PlaygroundError } from './errors';
import { problemError } from './problems';
import { problemsOf } from './rules';
import { ExperimentSchema, type Experiment } from './schema';
import { describeIssues } from './schema-tools';

/**
 * An experiment from untrusted input (a link, CLI flags, a form): the schema composed from the
 * registries fills in defaults and checks bounds, then the rules check the combination.
 */
export function parseExperiment(raw: unknown): Experiment {
  const result = v.safeParse(ExperimentSchema, raw ?? {});
  if (!result.success) {
    throw new PlaygroundError(
      'invalid-config',
      `The experiment settings are not valid — ${describeIssues(result.issues)}.`,
      'Fix the value named above, or reset to the defaults.',
    );
  }
  const [first] = problemsOf(result.output);
  if (first) throw problemError(first);
  return result.output;
}

export function defaultExperiment(): Experiment {
  return parseExperiment({});
}

export { ExperimentSchema, type Experiment, type ExperimentInput } from './schema';
export { experimentSpace, hyperparameterGrid, minimalExperiment } from './experiment-helpers';
export { BACKEND_PREFERENCES, OPTIMIZERS, type BackendPreference } from './experiment-fields';
export {
  BENCHMARK_DATASETS,
  DATASET_IDS,
  DOWNLOADED_DATASETS,
  TRAINABLE_DATASETS,
  type BenchmarkDataset,
  type DatasetId,
  type DownloadedDataset,
} from './dataset/index';
export { EVALUATOR_IDS, type EvaluatorId } from './evaluator/index';
