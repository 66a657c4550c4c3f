import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import { isPlaygroundError, toErrorInfo } from '../core/errors';
import type { BackendPreference, Experiment } from '../core/experiment';
import { SearchControl } from '../engine/control';
import { runSearch, SearchInterrupted } from '../engine/search';
import type { EngineEvent, TrialRecord } from '../engine/events';
import type { OneShotCheckpoint } from '../engine/one-shot/run';
import { compareStrategies } from '../engine/compare';
import { chooseBackend } from '../nn/backend-browser';
import { previewData } from '../data/preview';
import { isZip, parseUserImages } from '../data/user-images';
import { decodeImageBrowser } from '../data/image-decode-browser';
import type { DownloadProgress, NetworkAccess } from '../data/image-sets';
import { indexedDbCache } from '../data/byte-cache-browser';
import { contentHash, parseUserCsv } from '../data/user-csv';
import type { UserFile } from '../data/load';
import { createEventBatcher, FLUSH_EVERY_MS } from './batch';
import { keepPlaygroundErrors } from './errors-transfer';
import { forgetRun, loadRun, RunRecorder, summariseRun } from './saved-runs';
import type { BackendReport, EventSink, SearchWorkerApi } from './protocol';

const assetBase = new URL(import.meta.env.BASE_URL, self.location.origin);

async function readAsset(path: string): Promise<Uint8Array> {
  const response = await fetch(new URL(path, assetBase));
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
  return new Uint8Array(await response.arrayBuffer());
}

let backend: BackendReport | null = null;
let downloadSink: ((p: DownloadProgress) => void) | null = null;
let lastReport = 0;
/** Image sets come from their public mirrors, are cached in IndexedDB, and report progress (throttled). */
const net: NetworkAccess = {
  fetch: (input, init) => fetch(input, init),
  cache: indexedDbCache(),
  progress: (p) => {
    const now = performance.now();
    if (p.loaded < p.total && now - lastReport < FLUSH_EVERY_MS) return;
    lastReport = now;
    downloadSink?.(p);
  },
};
/** The user's own file: held here, in the worker, and nowhere else. */
let userFile: UserFile | undefined;
let active: { runId: number; control: SearchControl } | null = null;

/** A newer run replaces an older one: the old one stops at its next step. */
function begin(runId: number): SearchControl {
  active?.control.stop();
  const control = new SearchControl();
  active = { runId, control };
  return control;
}

/** The backend for an experiment: a table lookup runs no model, so it needs none (and survives a lost GPU). */
async function backendFor(experiment: Experiment): Promise<string> {
  if (experiment.evaluator !== 'nb201' && (!backend || backend.preference !== experiment.backend)) backend = await chooseBackend(experiment.backend);
  return backend?.chosen ?? 'none';
}

const api: SearchWorkerApi = {
  async prepare(preference: BackendPreference) {
    backend = await chooseBackend(preference);
    return backend;
  },

  async start(runId: number, experiment: Experiment, sink: EventSink, options = {}) {
    const control = begin(runId);
    const batcher = createEventBatcher((events) => sink(runId, events));
    const saved = options.resume ? await loadRun(experiment) : undefined;
    const recorder = new RunRecorder(experiment, saved);
    let finished = false;
    const emit = (event: EngineEvent) => {
      if (event.type === 'trial') recorder.trial(event.trial);
      if (event.type === 'done') finished = true;
      batcher.push(event);
    };
    try {
      let chosen = await backendFor(experiment);
      let resumeFrom: TrialRecord[] | undefined = saved?.trials;
      let resumeOneShot: OneShotCheckpoint | undefined = saved?.checkpoint;
      // The trials kept from before the reload are shown again first; the search replays them without training.
      // (A one-shot search resumes from its last epoch checkpoint, whose trials are the ones to show.)
      const kept = saved?.checkpoint?.trials ?? saved?.trials ?? [];
      for (const trial of kept) batcher.push({ type: 'trial', trial });
      if (saved) {
        const at = saved.checkpoint ? `epoch ${saved.checkpoint.curve.length + 1}` : `trial ${kept.length + 1}`;
        batcher.push({ type: 'log', message: `Resumed from this device: ${kept.length} trial${kept.length === 1 ? '' : 's'} kept, continuing at ${at}.` });
      }
      for (;;) {
        try {
          await runSearch(experiment, { readAsset, backend: chosen, control, resumeFrom, resumeOneShot, userFile, net, onCheckpoint: (c) => recorder.epoch(c) }, emit);
          break;
        } catch (e) {
          // A GPU that fails mid-search (device lost, out of memory) costs the trial (or supernet epoch) in
          // flight, not the search: continue on WASM from what was finished. Anything else is reported.
          const onGpu = chosen === 'webgpu' || chosen === 'webgl';
          if (!(e instanceof SearchInterrupted) || !onGpu || isPlaygroundError(e.cause)) throw e;
          const lost = chosen.toUpperCase();
          const from = e.checkpoint ? `epoch ${e.checkpoint.epoch + 1}${e.checkpoint.stage ? ` of stage ${e.checkpoint.stage + 1}` : ''}` : `trial ${e.trials.length + 1}`;
          backend = await chooseBackend('wasm');
          backend = { ...backend, fallback: true, reason: `${lost} failed during the search (${e.message}); continuing on WASM from ${from}` };
          const kept = e.checkpoint ? `the supernet as it was after epoch ${e.checkpoint.epoch}` : `the ${e.trials.length} finished trials`;
          emit({ type: 'log', message: `${lost} failed: ${e.message}. The search continues on WASM from ${from}; ${kept} ${e.checkpoint ? 'is' : 'are'} kept.` });
          chosen = backend.chosen;
          resumeFrom = e.trials;
          resumeOneShot = e.checkpoint;
        }
      }
    } catch (e) {
      emit({ type: 'error', error: toErrorInfo(e instanceof SearchInterrupted ? e.cause : e) });
    } finally {
      batcher.flush();
      // A run that ended (done, or stopped on purpose) leaves nothing to resume; an error or a GPU
      // loss that could not fall back keeps what was saved, to resume after a reload.
      if (finished) await recorder.finish();
      if (active?.runId === runId) active = null;
    }
  },

  interruptedRun(experiment) {
    return summariseRun(experiment);
  },

  forgetRun(experiment) {
    return forgetRun(experiment);
  },

  async compare(runId, experiment, strategies, seeds, sink) {
    const control = begin(runId);
    try {
      const chosen = await backendFor(experiment);
      let last = 0;
      return await compareStrategies(experiment, strategies, seeds, { readAsset, backend: chosen, control, userFile, net }, (progress, partial) => {
        // Throttled like search events: a table comparison finishes hundreds of runs a second.
        const now = performance.now();
        if (now - last > FLUSH_EVERY_MS || progress.done === progress.total) {
          last = now;
          sink(runId, progress, partial);
        }
      });
    } finally {
      if (active?.runId === runId) active = null;
    }
  },

  pause(runId) {
    if (active?.runId === runId) active.control.pause();
  },
  resume(runId) {
    if (active?.runId === runId) active.control.resume();
  },
  stop(runId) {
    if (active?.runId === runId) active.control.stop();
  },
  async setUserFile(name, bytes, label) {
    const hash = contentHash(bytes);
    if (isZip(bytes)) {
      const images = await parseUserImages(bytes, name, decodeImageBrowser, hash);
      userFile = { name, bytes, decode: decodeImageBrowser };
      return { kind: 'images', columns: [], labelColumn: '', hash, summary: `${images.info.title}; ${images.info.source}` };
    }
    const dataset = parseUserCsv(bytes, { name, label });
    userFile = { name, bytes };
    const cleaning = dataset.info.cleaning!;
    return { kind: 'table', columns: [...cleaning.types.map((t) => t.column), ...cleaning.constant, dataset.info.labelColumn!], labelColumn: dataset.info.labelColumn!, hash, summary: dataset.info.title };
  },

  preview(experiment) {
    return previewData(experiment, readAsset, userFile, net);
  },

  watchDownloads(sink) {
    downloadSink = sink;
  },

  currentBackend() {
    return backend;
  },

  memory() {
    const m = tf.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes };
  },
};

keepPlaygroundErrors();
Comlink.expose(api);
