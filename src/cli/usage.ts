import { DATASETS } from '../core/dataset/index';
import { EVALUATORS } from '../core/evaluator/index';
import { ONE_SHOT } from '../core/one-shot/index';
import type { Described } from '../core/problems';
import { SPACES, SUPERNET_SPACES } from '../core/space/index';
import { STRATEGIES } from '../core/strategy/index';
import { NODE_BACKENDS } from '../nn/backend-node';
import { settingUsage } from './settings-flags';
import { SYNTHETIC_USAGE } from './synthetic-flags';
import { EVAL_DEPTH_USAGE } from './eval-depth-flags';

/** One line per entry of a registry: its id and title. */
function menu(entries: readonly Described[], note?: (e: Described) => string): string {
  return entries.map((e) => `      ${e.id.padEnd(18)}${e.title}${note?.(e) ?? ''}`).join('\n');
}

const supernetSpaces = SUPERNET_SPACES.map((s) => s.id).join('|');

/** `--help`, made from the registries: every data set, space, strategy and evaluator, and every entry's settings. */
export const USAGE = `Usage: npm run search -- [options]

Runs a NAS Playground search headless, with the same engine as the page.

  --link <url or #hash>   start from a share link (flags below override it)
  --dataset ID
${menu(DATASETS)}
  --space ID
${menu(SPACES)}
  --strategy ID           ask/tell:
${menu(STRATEGIES, (e) => ((e as (typeof STRATEGIES)[number]).multiFidelity ? ' (--evaluator train, 9+ epochs)' : ''))}
                          weight sharing (--space ${supernetSpaces}):
${menu(ONE_SHOT)}
  --evaluator ID
${menu(EVALUATORS)}
                          with a table, the space and a benchmark dataset are filled in;
                          with shared weights, --epochs is the supernet's
  --data-file <path.csv|path.zip>
                          search your own table, or a zip of one folder of images per
                          class (read here, never uploaded; PNG and JPEG)
  --label <column>        its label column, by name or 1-based position (default: the last)
${SYNTHETIC_USAGE}
  --append <path.csv|path.zip>
                          with a --data-file: more rows with the same columns and classes (or
                          images in the same class folders), added to the training split while
                          the search runs, cleaned with the first file's statistics (repeatable)
  --append-after N        trials finished before the matching --append joins (by position;
                          default: half the budget); trial N+1 on trains on the enlarged set
  --budget N              number of trials (table lookups count as trials)
  --epochs E              training epochs per trial (the fidelity); for weight
                          sharing, supernet epochs (per stage for pdarts)
  --retrain-epochs N      weight sharing with --retrain: epochs of the final retraining
                          (default: the experiment's training epochs)
  --seed S                experiment seed
  --seeds A..B | A,B,C    run one search per seed and report the mean and spread of the results
  --backend ${NODE_BACKENDS.join('|')}|auto
                          tfjs backend (default: the link's, else wasm); auto times this
                          experiment's network on wasm and cpu and keeps the faster
  --json                  print one JSON object instead of a table
  --out DIR               write the trials to DIR/trials.csv and DIR/trials.json
  --export onnx,tfjs,pytorch,ray,nni
                          with --out: the best trained model as DIR/model.onnx, DIR/tfjs/,
                          DIR/pytorch/ (code, weights, predict.py), and the search as a
                          Ray Tune project (DIR/ray/) or an NNI experiment (DIR/nni/)
${EVAL_DEPTH_USAGE}
  --import FILE           read the results.jsonl of an exported Ray Tune or NNI run into the
                          trial table (with the experiment's flags or link), instead of searching
  --help                  show this text

Settings of spaces and strategies (bounds, [default]):
${settingUsage()}`;
