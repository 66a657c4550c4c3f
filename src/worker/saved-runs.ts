import * as v from 'valibot';
import type { TrialRecord } from '../contracts/events';
import type { SavedRunCheck } from '../contracts/runs';
import { minimalExperiment, type Experiment } from '../core/experiment';
import { browserStore, STORAGE_NOTICES, StorageError, type KeyValueStore, type StorageProblem } from '../data/browser-store';
import type { OneShotCheckpoint } from '../engine/one-shot/run';
import type { TrainedModel } from '../core/net/types';
import type { ModelStore } from '../engine/models';

/**
 * A run in progress, kept in IndexedDB as it goes (its finished trials, and a one-shot search's
 * last epoch checkpoint), so a reload or a crash loses at most the trial or epoch in flight.
 * Keyed by the experiment: the same settings resume the same run. Records carry a schema version
 * and are checked when read: one that is damaged or from another version is removed, and said so.
 */
export interface SavedRun {
  version: typeof SAVED_RUN_VERSION;
  trials: TrialRecord[];
  checkpoint?: OneShotCheckpoint;
  /** The best trial's trained weights so far (layer graph and arrays), and its reward. */
  best?: { model: TrainedModel; reward: number };
  /** Files appended to the user's file while it ran (the link cannot carry them): a resumed run trains with them. */
  appended?: Array<{ name: string; bytes: Uint8Array }>;
  savedAt: number;
}

export const SAVED_RUN_VERSION = 1;

const Trial = v.looseObject({
  index: v.pipe(v.number(), v.integer(), v.minValue(0)),
  encoded: v.string(),
  accuracy: v.number(),
  origin: v.string(),
  reward: v.number(),
  graph: v.looseObject({ nodes: v.array(v.unknown()), edges: v.array(v.unknown()) }),
});
const SavedRunSchema = v.object({
  version: v.literal(SAVED_RUN_VERSION),
  trials: v.array(Trial),
  checkpoint: v.optional(
    v.looseObject({
      strategy: v.string(),
      stage: v.number(),
      epoch: v.number(),
      method: v.looseObject({}),
      allowed: v.array(v.array(v.boolean())),
      trials: v.array(Trial),
      curve: v.array(v.unknown()),
    }),
  ),
  best: v.optional(
    v.looseObject({
      model: v.looseObject({ graph: v.looseObject({ nodes: v.array(v.unknown()) }), weights: v.array(v.instance(Float32Array)), about: v.looseObject({}) }),
      reward: v.number(),
    }),
  ),
  appended: v.optional(v.array(v.object({ name: v.string(), bytes: v.instance(Uint8Array) }))),
  savedAt: v.number(),
});

let store: KeyValueStore = browserStore('nas-playground-runs', 'runs');
/** Tests run the module against another store (an in-memory IndexedDB, or one that fails). */
export function useRunStore(next: KeyValueStore): void {
  store = next;
}

export const runKey = (x: Experiment): string => JSON.stringify(minimalExperiment(x));

const problemOf = (e: unknown): StorageProblem => (e instanceof StorageError ? e.problem : 'failed');

/** The kept run of this experiment, if it can be read; a bad record is removed and named in `notice`. */
export async function loadRun(x: Experiment): Promise<{ run?: SavedRun; notice: string | null }> {
  let raw: unknown;
  try {
    raw = await store.get(runKey(x));
  } catch (e) {
    return { notice: problemOf(e) === 'blocked' ? STORAGE_NOTICES.blocked : null };
  }
  if (raw === undefined) return { notice: null };
  // Records from before versions existed have the same shape: they are read as version 1.
  const versioned = typeof raw === 'object' && raw !== null && !('version' in raw) ? { ...raw, version: SAVED_RUN_VERSION } : raw;
  const parsed = v.safeParse(SavedRunSchema, versioned);
  if (parsed.success) return { run: versioned as SavedRun, notice: null };
  await store.del(runKey(x)).catch(() => undefined);
  const older = typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version !== SAVED_RUN_VERSION;
  return {
    notice: `A run of these settings kept on this device could not be read (${older ? 'it was saved by another version of the playground' : 'the record is damaged'}), so it was removed.`,
  };
}

export async function summariseRun(x: Experiment): Promise<SavedRunCheck> {
  const { run, notice } = await loadRun(x);
  if (!run || (run.trials.length === 0 && !run.checkpoint)) return { run: null, notice };
  // A one-shot search resumes from its last epoch checkpoint: what counts is what that checkpoint holds.
  const summary = run.checkpoint
    ? { trials: run.checkpoint.trials.length, epochs: run.checkpoint.curve.length, savedAt: run.savedAt }
    : { trials: run.trials.length, savedAt: run.savedAt };
  return { run: summary, notice };
}

export function forgetRun(x: Experiment): Promise<void> {
  return store.del(runKey(x)).catch(() => undefined);
}

/**
 * Writes the run as it grows. A write that fails (blocked storage, a full disk) costs the resume,
 * not the run: the person is told once, with what it costs, and the run goes on.
 */
export class RunRecorder {
  private trials: TrialRecord[];
  private checkpoint?: OneShotCheckpoint;
  private bestModel?: { model: TrainedModel; reward: number };
  private appended: Array<{ name: string; bytes: Uint8Array }>;
  private writing: Promise<void> = Promise.resolve();
  private told = false;

  constructor(
    private readonly x: Experiment,
    from: SavedRun | undefined,
    private readonly tell: (message: string) => void,
  ) {
    this.trials = from ? [...from.trials] : [];
    this.checkpoint = from?.checkpoint;
    this.bestModel = from?.best;
    this.appended = from?.appended ? [...from.appended] : [];
  }

  /** A file appended to the data: kept with the run. */
  append(file: { name: string; bytes: Uint8Array }): void {
    this.appended = [...this.appended, { name: file.name, bytes: file.bytes }];
    this.save();
  }

  /** A new best trial's trained model: saved with the run. */
  best(model: TrainedModel, store: ModelStore): void {
    this.bestModel = { model, reward: store.bestReward };
    this.save();
  }

  trial(t: TrialRecord): void {
    // By position, as the page keeps them: trials re-sent after resuming from a checkpoint replace their first copies.
    // Replace, never truncate: a resumed run replays its kept trials from the first, and cutting the
    // list back to each replayed one would leave a shorter record than the page shows until the replay ends.
    this.trials = t.index < this.trials.length ? this.trials.map((old, i) => (i === t.index ? t : old)) : [...this.trials, t];
    this.save();
  }

  epoch(c: OneShotCheckpoint): void {
    this.checkpoint = c;
    this.trials = [...c.trials];
    this.save();
  }

  private save(): void {
    const run: SavedRun = {
      version: SAVED_RUN_VERSION,
      trials: [...this.trials],
      ...(this.checkpoint ? { checkpoint: this.checkpoint } : {}),
      ...(this.bestModel ? { best: this.bestModel } : {}),
      ...(this.appended.length ? { appended: this.appended } : {}),
      savedAt: Date.now(),
    };
    this.writing = this.writing.then(() =>
      store.set(runKey(this.x), run).catch((e: unknown) => {
        if (this.told) return;
        this.told = true;
        this.tell(STORAGE_NOTICES[problemOf(e)]);
      }),
    );
  }

  /** Settles when every write asked for so far has been made (or has failed and been told). */
  written(): Promise<void> {
    return this.writing;
  }

  /** The run ended (finished or stopped on purpose): nothing to resume. */
  async finish(): Promise<void> {
    await this.writing;
    await forgetRun(this.x);
  }
}
