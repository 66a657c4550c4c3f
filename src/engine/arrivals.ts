import type { AppendReport } from '../contracts/append';
import type { Emit } from '../contracts/events';
import { PlaygroundError } from '../core/errors';
import type { Experiment } from '../core/experiment';
import type { SearchSpace } from '../core/space/types';
import { prepareData, type PreparedData, type UserFile } from '../data/load';
import type { AssetReader } from '../data/types';
import type { EvaluatorSetup } from './evaluate/index';

/**
 * Files appended to a running search's data, in the order they came. The loop takes them between
 * trials; `initial` are the files appended before a reload, part of the data from the first trial on.
 */
export class DataArrivals {
  private readonly files: UserFile[];
  private taken = 0;

  constructor(initial: readonly UserFile[] = []) {
    this.files = [...initial];
  }

  /** Told of each file added (the worker saves it with the run, to resume with it). */
  onAdd?: (file: UserFile) => void;

  add(file: UserFile): void {
    this.files.push(file);
    this.onAdd?.(file);
  }

  /** Every file added so far, in use or not. */
  get all(): readonly UserFile[] {
    return this.files;
  }

  /** Every file so far (the first call also marks them all as in use). */
  take(): UserFile[] {
    this.taken = this.files.length;
    return [...this.files];
  }

  get pending(): boolean {
    return this.files.length > this.taken;
  }

  /** The data version in use: how many appended files the trials train on. */
  get version(): number {
    return this.taken;
  }
}

/**
 * Checks a file against the first one without touching the running search: prepared as the next
 * trial would prepare it, so whatever is refused is refused now, with its reason, and nothing is lost.
 */
export async function checkAppended(x: Experiment, readAsset: AssetReader, userFile: UserFile | undefined, files: readonly UserFile[]): Promise<AppendReport> {
  const data = await prepareData(x, readAsset, userFile, undefined, { appended: files });
  return data.prep.appended!.at(-1)!;
}

/** The data the next trials train on, with every appended file: the evaluator is moved onto it and the page told. */
export async function useArrivals(
  x: Experiment,
  space: SearchSpace,
  setup: EvaluatorSetup,
  arrivals: DataArrivals,
  load: { readAsset: AssetReader; userFile?: UserFile },
  emit: Emit,
): Promise<void> {
  const data: PreparedData = await prepareData(x, load.readAsset, load.userFile, undefined, { appended: arrivals.take() });
  if (!setup.evaluator.useData)
    throw new PlaygroundError(
      'incompatible-data',
      `The ${setup.evaluator.kind} evaluator cannot take appended data.`,
      'Start a new search on a file that holds all the data.',
    );
  setup.evaluator.useData(data);
  setup.info = { ...setup.info, title: data.info.title, train: data.train.n, val: data.val.n, test: data.test.n };
  emit({ type: 'data', dataset: setup.info, appended: data.prep.appended ?? [] });
}
