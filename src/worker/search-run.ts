import type { RunEvent } from '../contracts/events';
import { toErrorInfo } from '../core/errors';
import type { Experiment } from '../core/experiment';
import { runSearch, SearchInterrupted, type SearchDeps } from '../engine/search';
import { createEventBatcher } from './batch';
import type { WorkerBackend } from './backend';
import { searchWithGpuFallback } from './gpu-fallback';
import { loadRun, RunRecorder } from './saved-runs';
import { isZip } from '../data/user-images';
import { decodeImageBrowser } from '../data/image-decode-browser';
import type { WorkerModels } from './models';

/**
 * One search in the worker, start to end: resumed from what this device kept of an interrupted
 * run when asked, recorded as it goes (a reload loses at most the trial in flight), sent to the page
 * in batches, moved to WASM if the GPU fails; an error ends it as an event, never as a throw.
 */
/** The longest a batch of events waits for the writes of its trials before it goes to the page anyway. */
const WRITE_WAIT_MS = 2000;

export async function runInWorker(
  experiment: Experiment,
  send: (events: RunEvent[]) => void,
  backend: WorkerBackend,
  deps: Omit<SearchDeps, 'backend' | 'resumeFrom' | 'resumeOneShot' | 'onCheckpoint'>,
  resume: boolean,
  models?: WorkerModels,
): Promise<void> {
  const loaded = resume ? await loadRun(experiment) : undefined;
  const saved = loaded?.run;
  // What the page shows is what this device has kept: a batch goes out once the writes of the
  // trials in it are done, so a worker that dies never takes a trial the page already showed.
  let sent = Promise.resolve();
  const afterWrites = (events: RunEvent[]): void => {
    // A write that stalls (storage busy after a worker was killed mid-write) must not hold the page's view hostage.
    const written = Promise.race([recorder.written(), new Promise<void>((done) => setTimeout(done, WRITE_WAIT_MS))]);
    // A page that went away cannot take the batch; the run goes on, and is kept, all the same.
    sent = sent
      .then(() => written)
      .then(() => {
        // Handed over, not awaited: waiting for the page to acknowledge each batch would hold the run up.
        send(events);
      })
      .catch(() => undefined);
  };
  const batcher = createEventBatcher(afterWrites);
  const recorder = new RunRecorder(experiment, saved, (message) => batcher.push({ type: 'log', message }));
  // Files appended before the reload are part of the data from the first trial on; new ones are saved as they come.
  for (const file of saved?.appended ?? []) deps.arrivals?.add({ ...file, ...(isZip(file.bytes) ? { decode: decodeImageBrowser } : {}) });
  if (deps.arrivals) deps.arrivals.onAdd = (file) => recorder.append(file);
  if (loaded?.notice) batcher.push({ type: 'log', message: loaded.notice });
  // The best trial's weights are kept with the saved run, so a resumed search (which replays, not retrains) still has them.
  const store = models?.reset(saved?.best);
  if (store) store.onBest = (model) => recorder.best(model, store);
  let finished = false;
  const emit = (event: RunEvent) => {
    if (event.type === 'trial') recorder.trial(event.trial);
    if (event.type === 'done') finished = true;
    batcher.push(event);
  };
  try {
    const chosen = await backend.forExperiment(experiment);
    // The trials kept from before the reload are shown again first; the search replays them without training.
    // (A one-shot search resumes from its last epoch checkpoint, whose trials are the ones to show.)
    const kept = saved?.checkpoint?.trials ?? saved?.trials ?? [];
    for (const trial of kept) batcher.push({ type: 'trial', trial });
    if (saved) {
      const at = saved.checkpoint ? `epoch ${saved.checkpoint.curve.length + 1}` : `trial ${kept.length + 1}`;
      batcher.push({ type: 'log', message: `Resumed from this device: ${kept.length} trial${kept.length === 1 ? '' : 's'} kept, continuing at ${at}.` });
    }
    await searchWithGpuFallback(
      chosen,
      { trials: saved?.trials, checkpoint: saved?.checkpoint },
      (on, from) =>
        runSearch(
          experiment,
          {
            ...deps,
            backend: on,
            resumeFrom: from.trials,
            resumeOneShot: from.checkpoint,
            onCheckpoint: (c) => recorder.epoch(c),
            ...(store ? { models: store } : {}),
          },
          emit,
        ),
      (reason) => backend.fallBack(reason),
      emit,
    );
  } catch (e) {
    emit({ type: 'error', error: toErrorInfo(e instanceof SearchInterrupted ? e.cause : e) });
  } finally {
    batcher.flush();
    // A run that ended (done, or stopped on purpose) leaves nothing to resume; an error or a GPU
    // loss that could not fall back keeps what was saved, to resume after a reload.
    await sent;
    if (finished) await recorder.finish();
  }
}
