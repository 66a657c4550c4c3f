import * as v from 'valibot';
import { DATASET_IDS } from './dataset/index';
import { EVALUATOR_IDS } from './evaluator/index';
import { DataField, RunFields } from './experiment-fields';
import { METHOD_IDS } from './methods';
import { ONE_SHOT, ONE_SHOT_GROUP } from './one-shot/index';
import { settingsObject } from './schema-tools';
import { SPACES, SPACE_IDS } from './space/index';
import { STRATEGIES } from './strategy/index';

/**
 * The experiment config, the one source of truth for what a search is, composed from the
 * registries: their ids make the menus' picklists, their settings groups make `spaceSettings` and
 * `strategySettings`, so a new entry's settings appear here, in links and in the CLI by themselves.
 */

export const ExperimentSchema = v.object({
  dataset: v.optional(v.picklist(DATASET_IDS), 'digits'),
  data: DataField,
  evaluator: v.optional(v.picklist(EVALUATOR_IDS), 'train'),
  space: v.optional(v.picklist(SPACE_IDS), 'chain'),
  spaceSettings: v.optional(settingsObject(SPACES), {}),
  strategy: v.optional(v.picklist(METHOD_IDS), 'evolution'),
  strategySettings: v.optional(settingsObject([...STRATEGIES, ...ONE_SHOT, ONE_SHOT_GROUP]), {}),
  ...RunFields,
});

export type Experiment = v.InferOutput<typeof ExperimentSchema>;
export type ExperimentInput = v.InferInput<typeof ExperimentSchema>;
