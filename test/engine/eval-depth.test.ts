import { describe, expect, it } from 'vitest';
import { EVAL_DEPTH_TRIAL, type EvalDepthProgress } from '../../src/contracts/eval-depth';
import { isPlaygroundError } from '../../src/core/errors';
import { parseExperiment } from '../../src/core/experiment';
import { readPublicAsset } from '../../src/data/node-assets';
import { SearchControl } from '../../src/engine/control';
import { retrainAtDepth } from '../../src/engine/eval-depth';
import { ModelStore } from '../../src/engine/models';
import { runSearch } from '../../src/engine/search';
import { on } from '../nn/helpers';

const tiny = () =>
  parseExperiment({
    dataset: 'digits',
    space: 'cell',
    strategy: 'random',
    budget: 1,
    data: { maxExamples: 300 },
    spaceSettings: { cell: { channels: 4, nodes: 2 } },
    training: { epochs: 1 },
  });

describe('retraining the returned architecture at evaluation depth', () => {
  it('trains a deeper network from scratch, reports it beside the search-depth trial, and keeps it to export', async () => {
    await on('wasm');
    const x = tiny();
    const models = new ModelStore(2);
    const { best } = await runSearch(x, { readAsset: readPublicAsset, backend: 'wasm', models }, () => undefined);
    const progress: EvalDepthProgress[] = [];
    const result = await retrainAtDepth(x, best!, { depth: 8, epochs: 2 }, { readAsset: readPublicAsset, models }, (p) => progress.push(p));
    expect(progress.map((p) => p.epoch)).toEqual([1, 2]);
    expect(result).toMatchObject({ trial: best!.index, unit: 'cells' });
    expect(result.search).toMatchObject({ depth: 5, epochs: 1, validationAccuracy: best!.accuracy, testAccuracy: best!.testAccuracy, params: best!.params });
    expect(result.evaluation).toMatchObject({ depth: 8, epochs: 2 });
    expect(result.evaluation.params).toBeGreaterThan(result.search.params * 1.3);
    expect(result.evaluation.validationAccuracy).toBe(progress[1]!.valAccuracy);
    expect(result.evaluation.testAccuracy).toBeGreaterThan(0);
    const deep = models.get(EVAL_DEPTH_TRIAL)!;
    const shallow = models.best!;
    expect(models.indices()).toContain(EVAL_DEPTH_TRIAL);
    expect(models.best).toBe(shallow);
    expect(deep.graph.nodes.length).toBeGreaterThan(shallow.graph.nodes.length);
    const size = (m: typeof deep) => m.weights.reduce((a, w) => a + w.length, 0);
    expect(size(deep)).toBeGreaterThan(size(shallow));
    expect(deep.about).toMatchObject({ trial: best!.index, encoded: best!.encoded, accuracy: result.evaluation.validationAccuracy });
  });

  it('stops at the next step when cancelled, keeping nothing', async () => {
    await on('wasm');
    const x = tiny();
    const { best } = await runSearch(x, { readAsset: readPublicAsset, backend: 'wasm' }, () => undefined);
    const control = new SearchControl();
    const models = new ModelStore(2);
    const epochs: number[] = [];
    const run = retrainAtDepth(x, best!, { depth: 8, epochs: 3 }, { readAsset: readPublicAsset, control, models }, (p) => {
      epochs.push(p.epoch);
      control.stop();
    });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isPlaygroundError(error) && error.code).toBe('cancelled');
    expect(epochs).toEqual([1]);
    expect(models.get(EVAL_DEPTH_TRIAL)).toBeNull();
  });
});
