import { createStore, del, get, set } from 'idb-keyval';
import type { TrialRecord } from '../contracts/events';
import type { SavedRunSummary } from '../contracts/runs';
import { minimalExperiment, type Experiment } from '../core/experiment';
import type { OneShotCheckpoint } from '../engine/one-shot/run';
import type { TrainedModel } from '../core/net/types';
import type { ModelStore } from '../engine/models';

/**
 * A run in progress, kept in IndexedDB as it goes (its finished trials, and a one-shot search's
 * last epoch checkpoint), so a reload or a crash loses at most the trial or epoch in flight.
 * Keyed by the experiment: the same settings resume the same run.
 */
export interface SavedRun {
  trials: TrialRecord[];
  checkpoint?: OneShotCheckpoint;
  /** The best trial's trained weights so far (layer graph and arrays), and its reward. */
  best?: { model: TrainedModel; reward: number };
  savedAt: number;
}

const store = (() => {
  let s: ReturnType<typeof createStore> | null = null;
  return () => (s ??= createStore('nas-playground-runs', 'runs'));
})();

export const runKey = (x: Experiment): string => JSON.stringify(minimalExperiment(x));

export async function loadRun(x: Experiment): Promise<SavedRun | undefined> {
  return get<SavedRun>(runKey(x), store()).catch(() => undefined);
}

export async function summariseRun(x: Experiment): Promise<SavedRunSummary | null> {
  const run = await loadRun(x);
  if (!run || (run.trials.length === 0 && !run.checkpoint)) return null;
  // A one-shot search resumes from its last epoch checkpoint: what counts is what that checkpoint holds.
  return run.checkpoint
    ? { trials: run.checkpoint.trials.length, epochs: run.checkpoint.curve.length, savedAt: run.savedAt }
    : { trials: run.trials.length, savedAt: run.savedAt };
}

export function forgetRun(x: Experiment): Promise<void> {
  return del(runKey(x), store()).catch(() => undefined);
}

/** Writes the run as it grows; a write that fails (private mode, full disk) costs the resume, not the run. */
export class RunRecorder {
  private trials: TrialRecord[];
  private checkpoint?: OneShotCheckpoint;
  private bestModel?: { model: TrainedModel; reward: number };
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly x: Experiment,
    from?: SavedRun,
  ) {
    this.trials = from ? [...from.trials] : [];
    this.checkpoint = from?.checkpoint;
    this.bestModel = from?.best;
  }

  /** A new best trial's trained model: saved with the run. */
  best(model: TrainedModel, store: ModelStore): void {
    this.bestModel = { model, reward: store.bestReward };
    this.save();
  }

  trial(t: TrialRecord): void {
    // By position, as the page keeps them: trials re-sent after resuming from a checkpoint replace their first copies.
    this.trials = [...this.trials.slice(0, t.index), t];
    this.save();
  }

  epoch(c: OneShotCheckpoint): void {
    this.checkpoint = c;
    this.trials = [...c.trials];
    this.save();
  }

  private save(): void {
    const run: SavedRun = {
      trials: [...this.trials],
      ...(this.checkpoint ? { checkpoint: this.checkpoint } : {}),
      ...(this.bestModel ? { best: this.bestModel } : {}),
      savedAt: Date.now(),
    };
    this.writing = this.writing.then(() => set(runKey(this.x), run, store()).catch(() => undefined));
  }

  /** The run ended (finished or stopped on purpose): nothing to resume. */
  async finish(): Promise<void> {
    await this.writing;
    await forgetRun(this.x);
  }
}
