import type { AlphaSnapshot, Emit, EpochReport, TrialRecord } from '../../contracts/events';
import type { TrainedModel } from '../../core/net/types';
import { bestTrial } from '../../contracts/trials';
import { makeDigest } from '../../core/digest';
import { PlaygroundError, isPlaygroundError } from '../../core/errors';
import { experimentSpace, type Experiment } from '../../core/experiment';
import type { OneShotId } from '../../core/one-shot';
import { returnsLatest } from '../../core/methods';
import { createRng } from '../../core/rng';
import { Nb201Space } from '../../core/space/nb201';
import { createStrategy, type StrategyId } from '../../core/strategy/index';
import { prepareData } from '../../data/load';
import { loadNb201Table, type Nb201Table } from '../../data/nb201-table';
import { countParams } from '../../nn/layers';
import { buildSupernet } from '../../nn/supernet/index';
import { SearchControl } from '../control';
import { epochStep } from '../step';
import { ScratchEvaluator } from '../evaluate/scratch';
import { latencyField, needsLatency, standaloneLatency } from '../evaluate/latency';
import type { SearchDeps, SearchResult } from '../search';
import { SearchInterrupted } from '../search';
import { resumable, resumeStage, takeCheckpoint, type OneShotCheckpoint } from './checkpoint';
import { createMethod, methodPlan } from './methods';
import { snapshotOf, weightedGraph } from './snapshots';
import { rankWithSharedWeights, trialRecorder } from './trials';
import { inheritedModel } from './keep';
import { aboutModel, keepNetwork } from '../models';

export type { OneShotCheckpoint } from './checkpoint';

/**
 * The loop of the weight-sharing strategies: train the supernet epoch by epoch (with α, or a
 * controller), record the genotype each epoch would return as a trial scored with inherited
 * weights, then (SPOS, ENAS) rank candidates with those weights. A method with stages (P-DARTS)
 * trains one supernet per stage. Checkpoints after every epoch.
 */
export async function runOneShot(x: Experiment, id: OneShotId, deps: SearchDeps, emit: Emit, search?: StrategyId): Promise<SearchResult> {
  const control = deps.control ?? new SearchControl();
  const space = experimentSpace(x);
  const settings = x.strategySettings.oneShot;
  const data = await prepareData(x, deps.readAsset, deps.userFile, deps.net);
  const problem = space.checkInput(data.input);
  if (problem)
    throw new PlaygroundError(
      'incompatible-data',
      `The ${space.title} space cannot run on ${data.info.title}: ${problem}.`,
      'Choose another dataset or search space.',
    );
  if (data.val.n === 0)
    throw new PlaygroundError(
      'invalid-config',
      'Weight sharing needs a validation split to learn the architecture on.',
      'Raise the validation fraction above 0.',
    );
  let table: Nb201Table | null = null;
  if (space instanceof Nb201Space) table = await loadNb201Table(deps.readAsset).catch(() => null);
  const plan = methodPlan(id, settings);
  const stages = plan.stages;
  // One trial per supernet epoch, then the paths ranked with shared weights (SPOS, ENAS), then the retrained result.
  const expected = stages * settings.epochs + (plan.ranksPaths ? x.budget : 0) + (settings.retrain ? 1 : 0);
  emit({
    type: 'start',
    info: {
      backend: deps.backend,
      dataset: { title: data.info.title, train: data.train.n, val: data.val.n, test: data.test.n, classes: data.classes },
      evaluator: 'supernet',
      spaceTitle: space.title,
      spaceSize: space.size(),
      budget: expected,
      returnsLatest: returnsLatest(x.strategy),
    },
  });

  const resume = resumable(deps.resumeOneShot, id);
  const trials: TrialRecord[] = resume ? [...resume.trials] : [];
  const curve: EpochReport[] = resume ? [...resume.curve] : [];
  const record = trialRecorder(x, space, data, table, trials, emit);
  // A reward on latency needs it for every trial: each derived or ranked genotype's stand-alone network is timed.
  const latency = needsLatency(x.objective) ? standaloneLatency(space, data) : null;
  let last: OneShotCheckpoint | null = resume ?? null;
  let peakStep = 0;
  /** Step mode: the epoch before's α, beside this epoch's. */
  let previous: AlphaSnapshot | null = null;
  let final: TrialRecord | null = null;
  let test: number | undefined;
  let stopped = false;
  try {
    let allowed = resume?.allowed ?? null;
    for (let stage = resume?.stage ?? 0; stage < stages; stage++) {
      const depth = (space.id === 'cell' ? x.spaceSettings.cell.cellsPerStage : x.spaceSettings.nb201.cellsPerStage) + plan.extraCells(stage);
      const stageSpace = experimentSpace({
        ...x,
        spaceSettings: {
          ...x.spaceSettings,
          cell: { ...x.spaceSettings.cell, cellsPerStage: depth },
          nb201: { ...x.spaceSettings.nb201, cellsPerStage: depth },
        },
      });
      // The settings carry shareEdgeWork (ReLU and pooling shared across a node's edges).
      const supernet = buildSupernet(stageSpace, data.input, data.classes, createRng(x.seed).fork(`supernet-${stage}`), settings);
      allowed ??= supernet.edges.map((_, e) => supernet.ops.map((_, k) => supernet.allowed?.[e]![k] ?? true));
      const stageAllowed = allowed;
      const at = (epoch: number) => stage * settings.epochs + epoch;
      const method = createMethod({
        id,
        space: stageSpace,
        supernet,
        data,
        training: { ...x.training, augment: x.data.augment },
        settings,
        seed: x.seed,
        stage,
        allowed: stageAllowed,
        skipDropout: plan.skipDropout(stage),
        between: () => control.checkpoint(),
        progress: (epoch) => {
          void method.view().then(
            (view) =>
              view &&
              emit({
                type: 'alphas',
                snapshot: snapshotOf(view, supernet, at(epoch), stage, stageAllowed, supernet.derive(view.probs, stageAllowed, view.beta), space),
              }),
          );
        },
      });
      try {
        const firstEpoch = resumeStage(method, resume, stage);
        await method.prepare();
        const params = countParams(supernet.ctx.trainable);
        const weightBytes = 4 * (params + countParams(supernet.ctx.statistics));
        // α (or the controller) as it stands; nothing between the end of one epoch and the start of the next changes it.
        let view = await method.view();
        for (let epoch = firstEpoch; epoch <= settings.epochs; epoch++) {
          await control.checkpoint();
          const started = performance.now();
          const before = view;
          const pending = before ? supernet.derive(before.probs, stageAllowed, before.beta) : null;
          const stageLabel = stages > 1 ? `stage ${stage + 1}/${stages}, ` : '';
          if (pending)
            emit({
              type: 'trial-start',
              index: trials.length,
              encoded: space.encode(pending),
              origin: `${stageLabel}epoch ${epoch}`,
              graph: weightedGraph(space.describe(pending), before, supernet),
            });
          const result = await method.trainEpoch(epoch);
          peakStep = Math.max(peakStep, result.memory.bytes);
          view = await method.view();
          const genotype = await method.current(epoch);
          const supernetAccuracy = await method.supernetAccuracy();
          const accuracy = await method.score(genotype, epoch);
          const report = { epoch: curve.length + 1, loss: result.loss, valAccuracy: accuracy };
          curve.push(report);
          emit({ type: 'epoch', index: trials.length, report });
          const snapshot = view ? snapshotOf(view, supernet, at(epoch), stage, stageAllowed, genotype, space) : null;
          if (snapshot) emit({ type: 'alphas', snapshot });
          emit({
            type: 'supernet',
            info: {
              method: id,
              stage,
              stages,
              epoch,
              epochs: settings.epochs,
              cells: supernet.cells,
              params,
              weightBytes,
              supernetAccuracy,
              stepBytes: result.memory.bytes,
              stepTensors: result.memory.tensors,
              peakStepBytes: peakStep,
            },
          });
          const seconds = (performance.now() - started) / 1000;
          const trial = record(
            genotype,
            `${stageLabel}${method.origin(epoch)}`,
            { accuracy, curve: [...curve], epochs: epoch, seconds, ...(await latencyField(latency, genotype)) },
            weightedGraph(space.describe(genotype), view, supernet),
          );
          // The epoch's genotype is the method's answer so far, except SPOS's (best of a few uniform samples): its answer is the ranking's.
          if (view) final = trial;
          if (view && deps.models) {
            const facts = { classNames: data.info.classNames, dataset: data.info.title, trial: trial.index, accuracy, origin: trial.origin };
            deps.models.add(trial.index, await inheritedModel(supernet, stageSpace, genotype, data, facts), trial.reward, true);
          }
          last = await takeCheckpoint(id, { stage, epoch }, method, stageAllowed, trials, curve);
          deps.onCheckpoint?.(last);
          if (deps.step && snapshot) await epochStep(control, emit, trial, snapshot, previous);
          previous = snapshot ?? previous;
        }
        const next = stage < stages - 1 ? method.nextStage(view, depth) : null;
        if (next) {
          allowed = next.allowed;
          emit({ type: 'log', message: next.message });
        }
        const ranking =
          stage === stages - 1 && plan.ranksPaths
            ? method.pathRanking(search ?? settings.search, () => createStrategy(search ?? settings.search, space, x.seed, x.strategySettings))
            : null;
        if (ranking) final = await rankWithSharedWeights(method, ranking, x.budget, space, data, record, control, latency);
        // Scored after fine-tuning its path, the winner is fine-tuned the same way to be tested and handed out.
        if (ranking && final && settings.finetuneSteps > 0) await method.finetune(final.genotype);
        // The answer on the held-out test split, with the weights it was scored with (a retrained one measures its own).
        if (stage === stages - 1 && final && !settings.retrain) test = (await method.testAccuracy(final.genotype)) ?? undefined;
        if (ranking && final && deps.models) {
          // Recalibrated for the returned path (scoring others moved the shared statistics); nothing reads the supernet after this.
          await method.score(final.genotype, 0);
          const facts = { classNames: data.info.classNames, dataset: data.info.title, trial: final.index, accuracy: final.accuracy, origin: final.origin };
          deps.models.add(final.index, await inheritedModel(supernet, stageSpace, final.genotype, data, facts), final.reward, true);
        }
      } finally {
        method.dispose();
        supernet.dispose();
      }
    }
    if (settings.retrain && final) {
      const chosen: TrialRecord = final;
      const scratch = new ScratchEvaluator(space, data, { ...x.training, augment: x.data.augment }, x.seed);
      emit({
        type: 'trial-start',
        index: trials.length,
        encoded: chosen.encoded,
        origin: 'derived, trained from scratch',
        graph: space.describe(chosen.genotype),
      });
      const index = trials.length;
      let kept: TrainedModel | null = null;
      const facts = { classNames: data.info.classNames, dataset: data.info.title, trial: index, accuracy: 0, origin: 'derived, trained from scratch' };
      const result = await scratch.evaluate(chosen.genotype, index, {
        onEpoch: (r) => emit({ type: 'epoch', index, report: r }),
        between: () => control.checkpoint(),
        keep: deps.models ? async (net) => void (kept = await keepNetwork(net, aboutModel(space, chosen.genotype, facts))) : undefined,
      });
      final = record(chosen.genotype, 'derived, trained from scratch', result, space.describe(chosen.genotype));
      const retrained = kept as TrainedModel | null;
      if (retrained) deps.models!.add(index, { ...retrained, about: { ...retrained.about, accuracy: result.accuracy } }, final.reward, true);
    }
  } catch (e) {
    if (!(isPlaygroundError(e) && e.code === 'cancelled')) throw new SearchInterrupted(e, trials, last ?? undefined);
    stopped = true;
  }
  // The digest names what the method returns (its derived or retrained genotype), as the JSON and the page do.
  let best = final ?? bestTrial(trials);
  if (best && test !== undefined) best = trials[best.index] = { ...best, testAccuracy: test };
  const digest = makeDigest(trials, deps.backend, best?.index);
  emit({ type: 'done', stopped, digest, best: best?.index ?? null, ...(test !== undefined ? { test } : {}) });
  return { trials, best, digest, stopped };
}
