import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { importTrialLines } from '../results/trial-lines';
import type { TrialRecord } from '../contracts/events';
import { bestTrial } from '../contracts/trials';
import { PlaygroundError } from '../core/errors';
import { experimentSpace, type Experiment } from '../core/experiment';

/** Trials a Ray Tune or NNI run of the exported project wrote (results.jsonl), read against the experiment. */
export function importResults(path: string, experiment: Experiment): { trials: TrialRecord[]; best: TrialRecord | null; origin: string } {
  if (statSync(path, { throwIfNoEntry: false })?.isFile() !== true) {
    throw new PlaygroundError('invalid-config', `--import ${path}: no such file.`, 'Give the results.jsonl that the exported project wrote.');
  }
  const { trials, origin } = importTrialLines(readFileSync(path, 'utf8'), basename(path), experimentSpace(experiment), experiment.objective);
  return { trials, best: bestTrial(trials), origin };
}
