import { describe, expect, it } from 'vitest';
import { EVAL_DEPTH_TRIAL, type EvalDepthProgress } from '../../src/contracts/eval-depth';
import { isPlaygroundError } from '../../src/core/errors';
import { parseExperiment } from '../../src/core/experiment';
import { readPublicAsset } from '../../src/data/node-assets';
import { ModelStore } from '../../src/engine/models';
import { runSearch } from '../../src/engine/search';
import { ActiveRun } from '../../src/worker/active-run';
import { retrainInWorker } from '../../src/worker/eval-depth';
import { on } from '../nn/helpers';

async function searched() {
  await on('wasm');
  const experiment = parseExperiment({ dataset: 'spiral', space: 'chain', strategy: 'random', budget: 1, training: { epochs: 1 } });
  const { best } = await runSearch(experiment, { readAsset: readPublicAsset, backend: 'wasm' }, () => undefined);
  return { experiment, returned: best! };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('the worker’s retraining at evaluation depth', () => {
  it('reports each epoch tagged with its run, keeps the deeper model, and frees the active run', async () => {
    const job = { ...(await searched()), setting: { depth: 8, epochs: 2 } };
    const runs = new ActiveRun();
    const store = new ModelStore(2);
    const seen: Array<[number, EvalDepthProgress]> = [];
    let prepared = 0;
    const prepare = async () => prepared++;
    const result = await retrainInWorker(runs, -1, job, prepare, { readAsset: readPublicAsset }, store, (id, p) => seen.push([id, p]));
    expect(prepared).toBe(1);
    expect(seen.map(([id, p]) => [id, p.epoch])).toEqual([
      [-1, 1],
      [-1, 2],
    ]);
    expect(result.evaluation).toMatchObject({ depth: 8, epochs: 2 });
    expect(store.get(EVAL_DEPTH_TRIAL)?.about.accuracy).toBe(result.evaluation.validationAccuracy);
    expect(runs.control(-1)).toBeUndefined();
  });

  it('cancels on stop(runId), and when a search starts meanwhile', async () => {
    const job = { ...(await searched()), setting: { depth: 8, epochs: 5 } };
    const runs = new ActiveRun();
    const store = new ModelStore(2);
    const prepare = async () => undefined;
    const stopped = await failure(retrainInWorker(runs, -2, job, prepare, { readAsset: readPublicAsset }, store, (id) => runs.control(id)?.stop()));
    expect(isPlaygroundError(stopped) && stopped.code).toBe('cancelled');
    expect(runs.control(-2)).toBeUndefined();
    let epochs = 0;
    const replaced = await failure(
      retrainInWorker(runs, -3, job, prepare, { readAsset: readPublicAsset }, store, () => {
        epochs++;
        runs.begin(7);
      }),
    );
    expect(isPlaygroundError(replaced) && replaced.code).toBe('cancelled');
    expect(epochs).toBe(1);
    // The search that replaced it is still the active run.
    expect(runs.control(7)).toBeDefined();
    expect(store.get(EVAL_DEPTH_TRIAL)).toBeNull();
  });
});
