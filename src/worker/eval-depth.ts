import type { EvalDepthProgress, EvalDepthResult } from '../contracts/eval-depth';
import type { TrialRecord } from '../contracts/events';
import type { EvalDepthSetting } from '../core/eval-depth';
import type { Experiment } from '../core/experiment';
import { retrainAtDepth, type EvalDepthDeps } from '../engine/eval-depth';
import type { ModelStore } from '../engine/models';
import type { ActiveRun } from './active-run';

/**
 * The page's "Retrain at evaluation depth", in the worker: the worker's one active run (so `stop`
 * with its id cancels it, and a new search started meanwhile stops it), on the experiment's backend,
 * the deeper model kept beside the run's trials for export and "Try it".
 */
export async function retrainInWorker(
  runs: ActiveRun,
  runId: number,
  job: { experiment: Experiment; returned: TrialRecord; setting: EvalDepthSetting },
  prepare: () => Promise<unknown>,
  deps: Omit<EvalDepthDeps, 'control' | 'models'>,
  store: ModelStore,
  sink: (runId: number, progress: EvalDepthProgress) => void,
): Promise<EvalDepthResult> {
  const control = runs.begin(runId);
  try {
    await prepare();
    return await retrainAtDepth(job.experiment, job.returned, job.setting, { ...deps, control, models: store }, (p) => sink(runId, p));
  } finally {
    runs.end(runId);
  }
}
