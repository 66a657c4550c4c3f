import { makeDigest, type ResultDigest } from '../core/digest';
import { isPlaygroundError } from '../core/errors';
import { experimentSpace, type Experiment } from '../core/experiment';
import { reward } from '../core/objective';
import { createStrategy } from '../core/strategy/index';
import { evaluatorEntry } from '../core/evaluator/index';
import { assertRunnable } from '../core/rules';
import { isOneShot } from '../core/one-shot';
import { runOneShot, type OneShotCheckpoint } from './one-shot/run';
import type { AssetReader } from '../data/types';
import type { UserFile } from '../data/load';
import type { NetworkAccess } from '../data/image-sets';
import { useTrainingNumerics } from './numerics';
import { SearchControl } from './control';
import { stepGate } from './step';
import { createEvaluator, type EvaluatorSetup } from './evaluate/index';
import type { Emit, TrialRecord } from '../contracts/events';
import { bestTrial } from '../contracts/trials';
import type { TrainedModel } from '../core/net/types';
import { aboutModel, keepNetwork, type ModelStore } from './models';
import { useArrivals, type DataArrivals } from './arrivals';

export interface SearchResult {
  trials: TrialRecord[];
  best: TrialRecord | null;
  digest: ResultDigest | null;
  stopped: boolean;
}

/** A search that failed part-way: the error, and the trials finished before it (to resume from). */
export class SearchInterrupted extends Error {
  constructor(
    override readonly cause: unknown,
    readonly trials: TrialRecord[],
    /** Where a one-shot search can continue from (its last finished epoch). */
    readonly checkpoint?: OneShotCheckpoint,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'SearchInterrupted';
  }
}

export interface SearchDeps {
  readAsset: AssetReader;
  /** The tfjs backend in use, recorded in the digest. */
  backend: string;
  control?: SearchControl;
  /** Overrides the evaluator the experiment asks for (tests, benchmarks). */
  setup?: EvaluatorSetup;
  /** The user's own data file, when the experiment searches it. */
  userFile?: UserFile;
  /** Fetching (and caching) the image sets downloaded at run time. */
  net?: NetworkAccess;
  /**
   * Trials of an earlier, interrupted run of this experiment: they are replayed into the strategy
   * (and the evaluator's memory) without training again, and the search goes on after them.
   */
  resumeFrom?: readonly TrialRecord[];
  /** A one-shot search's checkpoint to continue from. */
  resumeOneShot?: OneShotCheckpoint;
  /** Called after every epoch of a one-shot search with a checkpoint to resume from. */
  onCheckpoint?(checkpoint: OneShotCheckpoint): void;
  /** Step mode: pause after every phase of every trial (propose, build, train, score, update) until resumed. */
  step?: boolean;
  /** Files appended to the user's file while the search runs (and before a reload): the next trial on trains with them. */
  arrivals?: DataArrivals;
  /** Where trained weights are kept (the best trial's and the last few): the worker's and the CLI's exports read them. */
  models?: ModelStore;
}

/**
 * The search loop: ask the strategy, evaluate, tell, emit. Owns time and events; knows nothing
 * of threads or the DOM, so the worker and the CLI run exactly this.
 */
export async function runSearch(x: Experiment, deps: SearchDeps, emit: Emit): Promise<SearchResult> {
  useTrainingNumerics(x.training);
  assertRunnable(x);
  if (isOneShot(x.strategy)) return runOneShot(x, x.strategy, deps, emit);
  // The supernet evaluator: a supernet is trained (SPOS), then the experiment's strategy ranks its paths.
  const sharedBy = evaluatorEntry(x.evaluator).supernetMethod;
  if (sharedBy) return runOneShot(x, sharedBy, deps, emit, x.strategy);
  const control = deps.control ?? new SearchControl();
  const space = experimentSpace(x);
  const setup = deps.setup ?? (await createEvaluator(x, space, deps.readAsset, deps.userFile, deps.net, deps.arrivals?.take()));
  const backend = setup.usesBackend ? deps.backend : 'table';
  // A multi-fidelity strategy's maximum resource is the experiment's full training length.
  const strategy = createStrategy(x.strategy, space, x.seed, x.strategySettings, undefined, { epochs: x.training.epochs });
  const step = stepGate(deps.step ?? false, space, strategy, control, emit);
  emit({
    type: 'start',
    info: { backend, dataset: setup.info, evaluator: setup.evaluator.kind, spaceTitle: space.title, spaceSize: space.size(), budget: x.budget },
  });

  // A resumed run's appended files are in its data from the start: the page shows their lines and the note again.
  if (setup.appended?.length) emit({ type: 'data', dataset: setup.info, appended: setup.appended });
  const trials: TrialRecord[] = [];
  let stopped = false;
  let test: number | undefined;
  try {
    for (let index = 0; index < x.budget; index++) {
      await control.checkpoint();
      const proposal = strategy.ask();
      const earlier = deps.resumeFrom?.[index];
      if (earlier) {
        // Same experiment, same seed: the strategy proposes what it proposed before.
        if (earlier.encoded !== proposal.encoded)
          throw new Error(`Resuming diverged at trial ${index + 1}: ${proposal.encoded} instead of ${earlier.encoded}.`);
        setup.evaluator.replay?.(earlier.genotype, index, earlier);
        strategy.tell({ index, genotype: proposal.genotype, encoded: proposal.encoded, reward: earlier.reward });
        trials.push(earlier);
        continue;
      }
      if (deps.arrivals?.pending) await useArrivals(x, space, setup, deps.arrivals, deps, emit);
      await step('propose', index, proposal);
      const graph = space.describe(proposal.genotype);
      emit({ type: 'trial-start', index, encoded: proposal.encoded, origin: proposal.origin, graph });
      await step('build', index, proposal);
      let trained: TrainedModel | null = null;
      const keep = deps.models
        ? async (net: Parameters<typeof keepNetwork>[0]) => {
            const facts = { classNames: setup.classNames, dataset: setup.info.title, trial: index, accuracy: 0, origin: proposal.origin };
            trained = await keepNetwork(net, aboutModel(space, proposal.genotype, facts));
          }
        : undefined;
      const result = await setup.evaluator.evaluate(
        proposal.genotype,
        index,
        { onEpoch: (report) => emit({ type: 'epoch', index, report }), between: () => control.checkpoint(), keep },
        proposal.fidelity ?? 1,
      );
      // Training is one step however many epochs it has: the trial's curve already draws them as they come.
      await step('train', index, proposal, { accuracy: result.accuracy, epochs: result.epochs ?? result.curve.length });
      const score = reward(x.objective, result);
      await step('score', index, proposal, { accuracy: result.accuracy, reward: score });
      const kept = trained as TrainedModel | null;
      if (kept) deps.models!.add(index, { ...kept, about: { ...kept.about, accuracy: result.accuracy } }, score);
      const trial: TrialRecord = { index, encoded: proposal.encoded, genotype: proposal.genotype, origin: proposal.origin, graph, ...result, reward: score };
      if (deps.arrivals?.version) trial.data = { version: deps.arrivals.version, train: setup.info.train };
      strategy.tell({ index, genotype: proposal.genotype, encoded: proposal.encoded, reward: score });
      trials.push(trial);
      emit({ type: 'trial', trial });
      await step('update', index, proposal, { accuracy: result.accuracy, reward: score });
    }
    test = await measureReturned(trials, setup, control);
  } catch (e) {
    // Errors go to the caller (the worker reports them, the CLI prints them); a stop is not one.
    if (!(isPlaygroundError(e) && e.code === 'cancelled')) throw new SearchInterrupted(e, trials);
    stopped = true;
  }
  const best = bestTrial(trials);
  const digest = makeDigest(trials, backend, best?.index);
  emit({ type: 'done', stopped, digest, best: best?.index ?? null, ...(test !== undefined ? { test } : {}) });
  return { trials, best, digest, stopped };
}

/**
 * The returned trial's held-out test accuracy, where its evaluation did not measure one (the
 * surrogate only predicted it): trained once more, as its trial would have been, and recorded on it.
 */
async function measureReturned(trials: TrialRecord[], setup: EvaluatorSetup, control: SearchControl): Promise<number | undefined> {
  const best = bestTrial(trials);
  if (!best || best.testAccuracy !== undefined || !setup.evaluator.measureTest || !setup.info.test) return undefined;
  const test = await setup.evaluator.measureTest(best.genotype, best.index, { between: () => control.checkpoint() });
  if (test !== undefined) trials[best.index] = { ...best, testAccuracy: test };
  return test;
}
