import type { DepthFigures, EvalDepthProgress, EvalDepthResult } from '../contracts/eval-depth';
import type { TrialRecord } from '../contracts/events';
import { deepen, depthPlan, type EvalDepthSetting } from '../core/eval-depth';
import type { Experiment } from '../core/experiment';
import { createRng } from '../core/rng';
import type { NetworkAccess } from '../data/image-sets';
import { prepareData, type UserFile } from '../data/load';
import type { AssetReader } from '../data/types';
import { buildNetwork } from '../nn/build';
import { splitAccuracy, train } from '../nn/train';
import { SearchControl } from './control';
import { aboutModel, keepNetwork, type ModelStore } from './models';
import { useTrainingNumerics } from './numerics';

export interface EvalDepthDeps {
  readAsset: AssetReader;
  userFile?: UserFile;
  net?: NetworkAccess;
  /** Pause and stop: a stop ends the retraining with a 'cancelled' error. */
  control?: SearchControl;
  /** Where the retrained network is kept (under EVAL_DEPTH_TRIAL), to export and try like a trial. */
  models?: ModelStore;
}

/**
 * Retrains the returned trial's architecture at evaluation depth, from scratch, on the training
 * split, and measures it on validation and the held-out test split, beside the trial as searched.
 * Its weights and shuffling come from the seed's own 'eval-depth' stream, so it repeats.
 */
export async function retrainAtDepth(
  x: Experiment,
  returned: TrialRecord,
  setting: EvalDepthSetting,
  deps: EvalDepthDeps,
  onEpoch?: (progress: EvalDepthProgress) => void,
): Promise<EvalDepthResult> {
  useTrainingNumerics(x.training);
  const control = deps.control ?? new SearchControl();
  const plan = depthPlan(x, returned.genotype);
  const epochs = Math.max(1, Math.round(setting.epochs));
  const started = performance.now();
  const data = await prepareData(x, deps.readAsset, deps.userFile, deps.net);
  const deep = deepen(x, returned.genotype, setting.depth);
  const shallow = deepen(x, returned.genotype, plan.searched);
  const rng = createRng(x.seed).fork('eval-depth');
  await control.checkpoint();
  const net = buildNetwork(deep.space, deep.genotype, data.input, data.classes, rng.fork('init'));
  try {
    const settings = { ...x.training, augment: x.data.augment, ...deep.hp, epochs };
    const curve = await train(net, data, settings, rng.fork('shuffle'), {
      onEpoch: (r) => onEpoch?.({ epoch: r.epoch, epochs, valAccuracy: r.valAccuracy }),
      between: () => control.checkpoint(),
    });
    const validationAccuracy = curve[curve.length - 1]!.valAccuracy;
    const test = data.test?.n ? { testAccuracy: await splitAccuracy(net, data, data.test) } : {};
    const cost = deep.space.cost(deep.genotype, data.input, data.classes);
    const evaluation: DepthFigures = { depth: deep.depth, epochs, validationAccuracy, ...test, ...cost, seconds: (performance.now() - started) / 1000 };
    if (deps.models) {
      const origin = `evaluation depth: ${deep.depth} ${plan.unit}, ${epochs} epoch${epochs === 1 ? '' : 's'}`;
      const facts = { classNames: data.info.classNames, dataset: data.info.title, trial: returned.index, accuracy: validationAccuracy, origin };
      deps.models.keepEvalDepth(await keepNetwork(net, aboutModel(deep.space, deep.genotype, facts)));
    }
    const searchCost = shallow.space.cost(shallow.genotype, data.input, data.classes);
    const search: DepthFigures = {
      depth: plan.searched,
      epochs: returned.epochs ?? returned.curve.length,
      validationAccuracy: returned.accuracy,
      ...(returned.testAccuracy !== undefined ? { testAccuracy: returned.testAccuracy } : {}),
      ...searchCost,
      seconds: returned.seconds,
    };
    return { trial: returned.index, unit: plan.unit, search, evaluation };
  } finally {
    net.ctx.dispose();
  }
}
