import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import { toErrorInfo } from '../core/errors';
import type { BackendPreference, Experiment } from '../core/experiment';
import { SearchControl } from '../engine/control';
import { runSearch } from '../engine/search';
import { compareStrategies } from '../engine/compare';
import { chooseBackend } from '../nn/backend-browser';
import { createEventBatcher, FLUSH_EVERY_MS } from './batch';
import type { BackendReport, EventSink, SearchWorkerApi } from './protocol';

const assetBase = new URL(import.meta.env.BASE_URL, self.location.origin);

async function readAsset(path: string): Promise<Uint8Array> {
  const response = await fetch(new URL(path, assetBase));
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
  return new Uint8Array(await response.arrayBuffer());
}

let backend: BackendReport | null = null;
let active: { runId: number; control: SearchControl } | null = null;

const api: SearchWorkerApi = {
  async prepare(preference: BackendPreference) {
    backend = await chooseBackend(preference);
    return backend;
  },

  async start(runId: number, experiment: Experiment, sink: EventSink) {
    // A newer run replaces an older one: the old one stops at its next step.
    active?.control.stop();
    const control = new SearchControl();
    active = { runId, control };
    const batcher = createEventBatcher((events) => sink(runId, events));
    try {
      // A table lookup runs no model, so it needs no backend (and survives a lost GPU).
      if (experiment.evaluator === 'train' && (!backend || backend.preference !== experiment.backend)) backend = await chooseBackend(experiment.backend);
      await runSearch(experiment, { readAsset, backend: backend?.chosen ?? 'none', control }, (event) => batcher.push(event));
    } catch (e) {
      batcher.push({ type: 'error', error: toErrorInfo(e) });
    } finally {
      batcher.flush();
      if (active?.runId === runId) active = null;
    }
  },

  async compare(runId, experiment, strategies, seeds, sink) {
    active?.control.stop();
    const control = new SearchControl();
    active = { runId, control };
    try {
      if (experiment.evaluator === 'train' && (!backend || backend.preference !== experiment.backend)) backend = await chooseBackend(experiment.backend);
      let last = 0;
      return await compareStrategies(experiment, strategies, seeds, { readAsset, backend: backend?.chosen ?? 'none', control }, (progress, partial) => {
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
  memory() {
    const m = tf.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes };
  },
};

Comlink.expose(api);
