import type { BackendReport } from '../contracts/backend';
import type { RunEvent, TrialRecord } from '../contracts/events';
import { isPlaygroundError } from '../core/errors';
import type { OneShotCheckpoint } from '../engine/one-shot/run';
import { SearchInterrupted } from '../engine/search';

/** Where a search starts: from scratch, or after the trials (or the one-shot checkpoint) an earlier attempt finished. */
export interface ResumePoint {
  trials?: readonly TrialRecord[];
  checkpoint?: OneShotCheckpoint;
}

/**
 * Runs a search; a GPU that fails mid-search (device lost, out of memory) costs the trial (or
 * supernet epoch) in flight, not the search: it continues on WASM from what was finished, and the
 * page learns of the move from a typed `backend` event. Anything else is the caller's to report.
 */
export async function searchWithGpuFallback(
  backend: string,
  from: ResumePoint,
  search: (backend: string, from: ResumePoint) => Promise<unknown>,
  fallBack: (reason: string) => Promise<BackendReport>,
  emit: (event: RunEvent) => void,
): Promise<void> {
  for (;;) {
    try {
      await search(backend, from);
      return;
    } catch (e) {
      const onGpu = backend === 'webgpu' || backend === 'webgl';
      if (!(e instanceof SearchInterrupted) || !onGpu || isPlaygroundError(e.cause)) throw e;
      const lost = backend.toUpperCase();
      const at = e.checkpoint
        ? `epoch ${e.checkpoint.epoch + 1}${e.checkpoint.stage ? ` of stage ${e.checkpoint.stage + 1}` : ''}`
        : `trial ${e.trials.length + 1}`;
      const report = await fallBack(`${lost} failed during the search (${e.message}); continuing on WASM from ${at}`);
      const kept = e.checkpoint ? `the supernet as it was after epoch ${e.checkpoint.epoch} is` : `the ${e.trials.length} finished trials are`;
      emit({ type: 'backend', report, reason: `${lost} failed: ${e.message}. The search continues on WASM from ${at}; ${kept} kept.` });
      backend = report.chosen;
      from = { trials: e.trials, checkpoint: e.checkpoint };
    }
  }
}
