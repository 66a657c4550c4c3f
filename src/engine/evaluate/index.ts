import { PlaygroundError } from '../../core/errors';
import type { BenchmarkDataset, Experiment } from '../../core/experiment';
import { evaluatorEntry } from '../../core/evaluator/index';
import type { SearchSpace } from '../../core/space/types';
import { prepareData, type UserFile } from '../../data/load';
import { BENCHMARK_INFO, loadNb201Table } from '../../data/nb201-table';
import type { AssetReader } from '../../data/types';
import type { NetworkAccess } from '../../data/image-sets';
import { Nb201LookupEvaluator } from './nb201-lookup';
import { ScratchEvaluator } from './scratch';
import { SurrogateEvaluator } from './surrogate';
import { needsLatency, standaloneLatency } from './latency';
import type { EvaluatorInfo } from '../../contracts/events';
import type { AppendReport } from '../../contracts/append';
import type { Evaluator } from './types';

export interface EvaluatorSetup {
  evaluator: Evaluator;
  info: EvaluatorInfo;
  /** The backend does not matter to a table lookup: results are the same anywhere. */
  usesBackend: boolean;
  /** The classes' names, in label order (for the models a search keeps). */
  classNames: string[];
  /** Files appended to the user's file before the search started (a resumed run): what each added. */
  appended?: AppendReport[];
}

/** The evaluator an experiment asks for, with its data loaded (examples, or the benchmark table). */
export async function createEvaluator(
  x: Experiment,
  space: SearchSpace,
  readAsset: AssetReader,
  userFile?: UserFile,
  net?: NetworkAccess,
  appended?: readonly UserFile[],
): Promise<EvaluatorSetup> {
  if (evaluatorEntry(x.evaluator).table) {
    const dataset = x.dataset as BenchmarkDataset;
    const table = await loadNb201Table(readAsset);
    const meta = BENCHMARK_INFO[dataset];
    return {
      evaluator: new Nb201LookupEvaluator(table, dataset),
      info: { title: meta.title, train: 0, val: 0, classes: meta.classes },
      usesBackend: false,
      classNames: Array.from({ length: meta.classes }, (_, i) => String(i)),
    };
  }
  const data = await prepareData(x, readAsset, userFile, net, appended?.length ? { appended } : {});
  const problem = space.checkInput(data.input);
  if (problem) {
    throw new PlaygroundError(
      'incompatible-data',
      `The ${space.title} space cannot run on ${data.info.title}: ${problem}.`,
      'Choose another dataset or search space.',
    );
  }
  const scratch = new ScratchEvaluator(space, data, { ...x.training, augment: x.data.augment }, x.seed);
  const cost = (g: unknown) => space.cost(g, data.input, data.classes);
  return {
    evaluator: x.surrogate.enabled
      ? new SurrogateEvaluator(scratch, space, cost, x.surrogate, x.seed, needsLatency(x.objective) ? standaloneLatency(space, data) : null)
      : scratch,
    info: { title: data.info.title, train: data.train.n, val: data.val.n, test: data.test.n, classes: data.classes },
    usesBackend: true,
    classNames: data.info.classNames,
    ...(data.prep.appended ? { appended: data.prep.appended } : {}),
  };
}

export type { Evaluator } from './types';
