/** A run of an experiment that a reload or a crash interrupted, as the worker kept it on this device. */
export interface SavedRunSummary {
  trials: number;
  /** One-shot searches: epochs done (all stages). */
  epochs?: number;
  savedAt: number;
}

/** What the worker found kept for an experiment: a run to offer, and anything the person should know (a record removed, storage off). */
export interface SavedRunCheck {
  run: SavedRunSummary | null;
  notice: string | null;
}
