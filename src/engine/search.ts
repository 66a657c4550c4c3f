import { makeDigest, type ResultDigest } from '../core/digest';
import { isPlaygroundError, PlaygroundError } from '../core/errors';
import type { Experiment } from '../core/experiment';
import { createSpace } from '../core/space/index';
import { createStrategy } from '../core/strategy/index';
import type { PreparedData } from '../data/load';
import { SearchControl } from './control';
import { ScratchEvaluator, type Evaluator } from './evaluate/scratch';
import type { Emit, TrialRecord } from './events';

export interface SearchResult {
  trials: TrialRecord[];
  best: TrialRecord | null;
  digest: ResultDigest | null;
  stopped: boolean;
}

export interface SearchDeps {
  data: PreparedData;
  backend: string;
  control?: SearchControl;
  /** Defaults to training each candidate from scratch. */
  evaluator?: Evaluator;
}

/**
 * The search loop: ask the strategy, evaluate, tell, emit. Owns time and events; knows nothing
 * of threads or the DOM, so the worker and the CLI run exactly this.
 */
export async function runSearch(x: Experiment, deps: SearchDeps, emit: Emit): Promise<SearchResult> {
  const { data, backend } = deps;
  const control = deps.control ?? new SearchControl();
  const space = createSpace(x.space, x.spaceSettings);
  const problem = space.checkInput(data.input);
  if (problem) {
    throw new PlaygroundError('incompatible-data', `The ${space.title} space cannot run on ${data.info.title}: ${problem}.`, 'Choose another dataset or search space.');
  }
  const strategy = createStrategy(x.strategy, space, x.seed, x.strategySettings);
  const evaluator = deps.evaluator ?? new ScratchEvaluator(space, data, x.training, x.seed);
  emit({
    type: 'start',
    info: {
      backend,
      dataset: { title: data.info.title, train: data.train.n, val: data.val.n, classes: data.classes },
      spaceTitle: space.title,
      spaceSize: space.size(),
      budget: x.budget,
    },
  });

  const trials: TrialRecord[] = [];
  let stopped = false;
  try {
    for (let index = 0; index < x.budget; index++) {
      await control.checkpoint();
      const proposal = strategy.ask();
      const graph = space.describe(proposal.genotype);
      emit({ type: 'trial-start', index, encoded: proposal.encoded, origin: proposal.origin, graph });
      const result = await evaluator.evaluate(proposal.genotype, index, {
        onEpoch: (report) => emit({ type: 'epoch', index, report }),
        between: () => control.checkpoint(),
      });
      const trial: TrialRecord = { index, encoded: proposal.encoded, genotype: proposal.genotype, origin: proposal.origin, graph, ...result };
      strategy.tell({ index, genotype: proposal.genotype, encoded: proposal.encoded, reward: result.accuracy });
      trials.push(trial);
      emit({ type: 'trial', trial });
    }
  } catch (e) {
    // Errors go to the caller (the worker reports them, the CLI prints them); a stop is not one.
    if (!(isPlaygroundError(e) && e.code === 'cancelled')) throw e;
    stopped = true;
  }
  const digest = makeDigest(trials, backend);
  const best = trials.length ? trials.reduce((b, t) => (t.accuracy > b.accuracy ? t : b)) : null;
  emit({ type: 'done', stopped, digest });
  return { trials, best, digest, stopped };
}
