import type { OneShotId } from '../../core/one-shot';
import type { EpochReport, TrialRecord } from '../../contracts/events';
import type { MethodState, OneShotMethod } from './method';

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

/** The checkpoint to continue from, when it was taken by a search of this method. */
export function resumable(checkpoint: OneShotCheckpoint | undefined, id: OneShotId): OneShotCheckpoint | undefined {
  return checkpoint?.strategy === id ? checkpoint : undefined;
}

/** Restores the method when the checkpoint was taken in this stage; the first epoch still to train. */
export function resumeStage(method: OneShotMethod, resume: OneShotCheckpoint | undefined, stage: number): number {
  if (!resume || resume.stage !== stage) return 1;
  method.restore(resume.method);
  return resume.epoch + 1;
}

/** A checkpoint after `epoch` of `stage`: the method's weights and state, and copies of what the search has recorded. */
export async function takeCheckpoint(
  id: OneShotId,
  at: { stage: number; epoch: number },
  method: OneShotMethod,
  allowed: boolean[][],
  trials: readonly TrialRecord[],
  curve: readonly EpochReport[],
): Promise<OneShotCheckpoint> {
  return { strategy: id, stage: at.stage, epoch: at.epoch, method: await method.save(), allowed, trials: [...trials], curve: [...curve] };
}
