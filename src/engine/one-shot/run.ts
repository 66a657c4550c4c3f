import { makeDigest } from '../../core/digest';
import { PlaygroundError, isPlaygroundError } from '../../core/errors';
import { experimentSpace, type Experiment } from '../../core/experiment';
import { reward } from '../../core/objective';
import { oneShotEntry, type OneShotId } from '../../core/one-shot';
import { createRng } from '../../core/rng';
import { Nb201Space, type Nb201Genotype } from '../../core/space/nb201';
import type { ArchGraph, SearchSpace } from '../../core/space/types';
import { createStrategy, type StrategyId } from '../../core/strategy/index';
import { prepareData } from '../../data/load';
import { loadNb201Table, type Nb201Table } from '../../data/nb201-table';
import { buildSupernet, type Supernet } from '../../nn/supernet/index';
import { countParams } from '../../nn/layers';
import type { EpochReport } from '../../nn/train';
import { bestTrial } from '../best';
import { SearchControl } from '../control';
import { ScratchEvaluator } from '../evaluate/scratch';
import type { Evaluation } from '../evaluate/types';
import { SupernetEvaluator } from '../evaluate/supernet';
import type { TrainData } from '../../nn/train';
import type { AlphaSnapshot, Emit, TrialRecord } from '../events';
import type { SearchDeps, SearchResult } from '../search';
import { SearchInterrupted } from '../search';
import { createMethod, Enas, Proxyless, type ArchView, type MethodState, type OneShotMethod } from './methods';

/** Everything needed to continue a one-shot search after the epoch it was taken at. */
export interface OneShotCheckpoint {
  strategy: OneShotId;
  stage: number;
  epoch: number;
  method: MethodState;
  /** Ops still allowed per edge in this stage (P-DARTS). */
  allowed: boolean[][];
  trials: TrialRecord[];
  curve: EpochReport[];
}

const SKIP_CAP = 2;

/** P-DARTS's op budget per stage: 8 → 5 → 3 candidates for DARTS's op set. */
function keepCount(ops: number, stage: number, stages: number): number {
  if (stage === 0) return ops;
  const share = stages <= 2 ? 5 / 8 : stage === 1 ? 5 / 8 : 3 / 8;
  return Math.max(2, Math.round(ops * share));
}

/** Drops all but the `keep` most likely ops of each edge (`none` stays where genotypes never use it: it is never picked). */
function prune(probs: readonly number[][], allowed: readonly boolean[][], keep: number, supernet: Supernet): boolean[][] {
  const noneIsStructural = supernet.ops[0] === 'none' && !supernet.noneInGenotypes;
  return probs.map((row, e) => {
    const ranked = row.map((p, k) => ({ p, k })).filter(({ k }) => allowed[e]![k] && !(noneIsStructural && k === 0)).sort((a, b) => b.p - a.p);
    const kept = new Set(ranked.slice(0, noneIsStructural ? keep - 1 : keep).map(({ k }) => k));
    return row.map((_, k) => kept.has(k) || (noneIsStructural && k === 0));
  });
}

/** Share of the architecture's weight on parameter-free ops, and the edges drawn with their weight. */
function snapshotOf(view: ArchView, supernet: Supernet, epoch: number, stage: number, allowed: boolean[][], derived: unknown, space: SearchSpace): AlphaSnapshot {
  const free = view.probs.reduce((s, row) => s + row.reduce((t, p, k) => t + (supernet.parameterFree[k] ? p : 0), 0), 0) / view.probs.length;
  const path = supernet.pathOf(derived);
  const chosen = path.flat();
  const derivedFree = chosen.length === 0 ? 0 : chosen.filter((k) => supernet.parameterFree[k]).length / chosen.length;
  return {
    epoch,
    stage,
    kind: view.kind,
    ops: [...supernet.ops],
    edges: supernet.edges.map((e) => ({ group: e.group, label: e.label })),
    probs: view.probs,
    allowed,
    parameterFree: [...supernet.parameterFree],
    parameterFreeShare: free,
    derived: space.encode(derived),
    chosen: path,
    derivedParameterFree: derivedFree,
  };
}

/** Edge widths from α: each drawn edge gets the probability of its op on its supernet edge. */
function weightedGraph(graph: ArchGraph, view: ArchView | null, supernet: Supernet): ArchGraph {
  if (!view) return graph;
  const locate = (id: string): [string, number] => {
    const m = /^(normal|reduce):(\d+)$/.exec(id) ?? /^()n(\d+)$/.exec(id);
    return m ? [m[1] || 'cell', Number(m[2])] : ['', -1];
  };
  return {
    ...graph,
    edges: graph.edges.map((edge) => {
      if (!edge.op) return edge;
      const [group, from] = locate(edge.from);
      const [, to] = locate(edge.to);
      const row = supernet.edges.findIndex((e) => e.group === group && e.from === from && e.to === to);
      const k = supernet.ops.indexOf(edge.op);
      return row < 0 || k < 0 ? edge : { ...edge, weight: view.probs[row]![k]! };
    }),
  };
}

/**
 * P-DARTS's final rule: at most two skip connections in the normal cell; extra ones (weakest
 * first) are replaced by their edge's next best op.
 */
function capSkips(supernet: Supernet, probs: number[][], allowed: boolean[][]): unknown {
  const skip = supernet.ops.indexOf('skip_connect');
  const mask = allowed.map((row) => [...row]);
  for (;;) {
    const g = supernet.derive(probs, mask);
    const path = supernet.pathOf(g);
    const skips = path.flatMap((ops, e) => (supernet.edges[e]!.group !== 'reduce' && ops.includes(skip) ? [e] : []));
    if (skips.length <= SKIP_CAP) return g;
    const weakest = skips.sort((a, b) => probs[a]![skip]! - probs[b]![skip]!)[0]!;
    mask[weakest]![skip] = false;
  }
}

/**
 * The loop of the weight-sharing strategies: train the supernet epoch by epoch (with α, or a
 * controller), record the genotype each epoch would return as a trial scored with inherited
 * weights, then (SPOS, ENAS) rank candidates with those weights. Checkpoints after every epoch.
 */
export async function runOneShot(x: Experiment, id: OneShotId, deps: SearchDeps, emit: Emit, search?: StrategyId): Promise<SearchResult> {
  const control = deps.control ?? new SearchControl();
  const space = experimentSpace(x);
  const settings = x.strategySettings.oneShot;
  const data = await prepareData(x, deps.readAsset, deps.userFile, deps.net);
  const problem = space.checkInput(data.input);
  if (problem) throw new PlaygroundError('incompatible-data', `The ${space.title} space cannot run on ${data.info.title}: ${problem}.`, 'Choose another dataset or search space.');
  if (data.val.n === 0) throw new PlaygroundError('invalid-config', 'Weight sharing needs a validation split to learn the architecture on.', 'Raise the validation fraction above 0.');
  let table: Nb201Table | null = null;
  if (space instanceof Nb201Space) table = await loadNb201Table(deps.readAsset).catch(() => null);
  const stages = id === 'pdarts' ? settings.stages : 1;
  // One trial per supernet epoch, then the paths ranked with shared weights (SPOS, ENAS), then the retrained result.
  const { ranksPaths, sampler } = oneShotEntry(id);
  const expected = stages * settings.epochs + (ranksPaths ? x.budget : 0) + (settings.retrain ? 1 : 0);
  emit({
    type: 'start',
    info: { backend: deps.backend, dataset: { title: data.info.title, train: data.train.n, val: data.val.n, classes: data.classes }, evaluator: 'supernet', spaceTitle: space.title, spaceSize: space.size(), budget: expected },
  });

  const resume = deps.resumeOneShot?.strategy === id ? deps.resumeOneShot : undefined;
  const trials: TrialRecord[] = resume ? [...resume.trials] : [];
  const curve: EpochReport[] = resume ? [...resume.curve] : [];
  let last: OneShotCheckpoint | null = resume ?? null;
  let peakStep = 0;

  const record = (genotype: unknown, origin: string, evaluation: Omit<Evaluation, 'params' | 'flops'>, graph: ArchGraph): TrialRecord => {
    const cost = space.cost(genotype, data.input, data.classes);
    const entry = space instanceof Nb201Space && table ? table.get(genotype as Nb201Genotype, 'cifar10') : null;
    const reported = entry && Number.isFinite(entry.test200) ? { label: 'NB201 CIFAR-10 test (table)', accuracy: entry.test200 } : evaluation.reported;
    const result: Evaluation = { ...evaluation, ...cost, ...(reported ? { reported } : {}) };
    const trial: TrialRecord = { index: trials.length, encoded: space.encode(genotype), genotype, origin, graph, ...result, reward: reward(x.objective, result) };
    trials.push(trial);
    emit({ type: 'trial', trial });
    return trial;
  };

  let final: TrialRecord | null = null;
  let stopped = false;
  try {
    let allowed = resume?.allowed ?? null;
    for (let stage = resume?.stage ?? 0; stage < stages; stage++) {
      const depth = space.id === 'cell' ? x.spaceSettings.cell.cellsPerStage + stage : x.spaceSettings.nb201.cellsPerStage + stage;
      const stageSpace = experimentSpace({ ...x, spaceSettings: { ...x.spaceSettings, cell: { ...x.spaceSettings.cell, cellsPerStage: depth }, nb201: { ...x.spaceSettings.nb201, cellsPerStage: depth } } });
      const supernet = buildSupernet(stageSpace, data.input, data.classes, createRng(x.seed).fork(`supernet-${stage}`));
      allowed ??= supernet.edges.map(() => supernet.ops.map(() => true));
      const stageAllowed = allowed;
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
        skipDropout: id === 'pdarts' ? Math.min(0.9, settings.skipDropout * (stage + 1)) : 0,
        between: () => control.checkpoint(),
        progress: (epoch) => {
          void method.view().then((view) => view && emit({ type: 'alphas', snapshot: snapshotOf(view, supernet, stage * settings.epochs + epoch, stage, stageAllowed, supernet.derive(view.probs, stageAllowed), space) }));
        },
      });
      try {
        const firstEpoch = resume && resume.stage === stage ? resume.epoch + 1 : 1;
        if (resume && resume.stage === stage) method.restore(resume.method);
        if (method instanceof Proxyless && settings.latencyWeight > 0 && !method.latency) await method.measureLatency();
        const params = countParams(supernet.ctx.trainable);
        const weightBytes = 4 * (params + countParams(supernet.ctx.statistics));
        // α (or the controller) as it stands; nothing between the end of one epoch and the start of the next changes it.
        let view = await method.view();
        for (let epoch = firstEpoch; epoch <= settings.epochs; epoch++) {
          await control.checkpoint();
          const started = performance.now();
          const before = view;
          const pending = before ? supernet.derive(before.probs, stageAllowed) : null;
          const stageLabel = stages > 1 ? `stage ${stage + 1}/${stages}, ` : '';
          if (pending) emit({ type: 'trial-start', index: trials.length, encoded: space.encode(pending), origin: `${stageLabel}epoch ${epoch}`, graph: weightedGraph(space.describe(pending), before, supernet) });
          const result = await method.trainEpoch(epoch);
          peakStep = Math.max(peakStep, result.memory.bytes);
          view = await method.view();
          const lastEpoch = stage === stages - 1 && epoch === settings.epochs;
          const genotype = id === 'pdarts' && lastEpoch && view ? capSkips(supernet, view.probs, stageAllowed) : await method.current(epoch);
          const supernetAccuracy = await method.supernetAccuracy();
          const accuracy = await method.score(genotype, epoch);
          const report = { epoch: curve.length + 1, loss: result.loss, valAccuracy: accuracy };
          curve.push(report);
          emit({ type: 'epoch', index: trials.length, report });
          if (view) emit({ type: 'alphas', snapshot: snapshotOf(view, supernet, stage * settings.epochs + epoch, stage, stageAllowed, genotype, space) });
          emit({
            type: 'supernet',
            info: { method: id, stage, stages, epoch, epochs: settings.epochs, cells: supernet.cells, params, weightBytes, supernetAccuracy, stepBytes: result.memory.bytes, stepTensors: result.memory.tensors, peakStepBytes: peakStep },
          });
          const trial = record(genotype, sampler ? `${stageLabel}epoch ${epoch}: best of 4 ${sampler} samples` : `${stageLabel}derived from α after epoch ${epoch}`, { accuracy, curve: [...curve], epochs: epoch, seconds: (performance.now() - started) / 1000 }, weightedGraph(space.describe(genotype), view, supernet));
          if (view || sampler === 'controller') final = trial;
          last = { strategy: id, stage, epoch, method: await method.save(), allowed: stageAllowed, trials: [...trials], curve: [...curve] };
          deps.onCheckpoint?.(last);
        }
        if (stage < stages - 1) {
          if (view) allowed = prune(view.probs, stageAllowed, keepCount(supernet.ops.length, stage + 1, stages), supernet);
          emit({ type: 'log', message: `P-DARTS: stage ${stage + 2} deepens the supernet to ${depth + 1} cells per stage and keeps ${keepCount(supernet.ops.length, stage + 1, stages)} ops per edge.` });
        } else if (ranksPaths) {
          final = await rankWithSharedWeights(method, x, space, data, record, control, search ?? settings.search);
        }
      } finally {
        method.dispose();
        supernet.dispose();
      }
    }
    if (settings.retrain && final) {
      const chosen: TrialRecord = final;
      const scratch = new ScratchEvaluator(space, data, { ...x.training, augment: x.data.augment }, x.seed);
      emit({ type: 'trial-start', index: trials.length, encoded: chosen.encoded, origin: 'derived, trained from scratch', graph: space.describe(chosen.genotype) });
      const index = trials.length;
      const result = await scratch.evaluate(chosen.genotype, index, { onEpoch: (r) => emit({ type: 'epoch', index, report: r }), between: () => control.checkpoint() });
      final = record(chosen.genotype, 'derived, trained from scratch', result, space.describe(chosen.genotype));
    }
  } catch (e) {
    if (!(isPlaygroundError(e) && e.code === 'cancelled')) throw new SearchInterrupted(e, trials, last ?? undefined);
    stopped = true;
  }
  const digest = makeDigest(trials, deps.backend);
  const best = final ?? bestTrial(trials);
  emit({ type: 'done', stopped, digest, best: best?.index ?? null });
  return { trials, best, digest, stopped };
}

/** SPOS and ENAS end by ranking candidates with the shared weights: evolution or random paths, or controller samples. */
async function rankWithSharedWeights(
  method: OneShotMethod,
  x: Experiment,
  space: SearchSpace,
  data: TrainData,
  record: (g: unknown, origin: string, e: Omit<Evaluation, 'params' | 'flops'>, graph: ArchGraph) => TrialRecord,
  control: SearchControl,
  search: StrategyId,
): Promise<TrialRecord | null> {
  const evaluator = new SupernetEvaluator(method, space, data);
  const strategy = !(method instanceof Enas) ? createStrategy(search, space, x.seed, x.strategySettings) : null;
  const sampler = method instanceof Enas ? method.sampler('final') : null;
  let best: TrialRecord | null = null;
  for (let i = 0; i < x.budget; i++) {
    const proposal = strategy ? strategy.ask() : sampler!.ask();
    const evaluation = await evaluator.evaluate(proposal.genotype, i, { between: () => control.checkpoint() });
    const origin = strategy ? `${search} over paths: ${proposal.origin}` : 'sampled by the trained controller';
    const trial = record(proposal.genotype, origin, evaluation, space.describe(proposal.genotype));
    strategy?.tell({ index: i, genotype: proposal.genotype, encoded: proposal.encoded, reward: trial.reward });
    if (!best || trial.reward > best.reward) best = trial;
  }
  return best;
}
