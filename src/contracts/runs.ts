/** A run of an experiment that a reload or a crash interrupted, as the worker kept it on this device. */
export interface SavedRunSummary {
  trials: number;
  /** One-shot searches: epochs done (all stages). */
  epochs?: number;
  savedAt: number;
}
