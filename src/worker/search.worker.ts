import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import type { SearchWorkerApi } from '../contracts/worker-api';
import { compareStrategies } from '../engine/compare';
import { measureStep } from '../engine/estimate';
import type { UserFile } from '../data/load';
import { ActiveRun } from './active-run';
import { holdLifeLock } from './alive';
import { readAsset } from './assets';
import { WorkerBackend } from './backend';
import { FLUSH_EVERY_MS } from './batch';
import { createDownloads } from './downloads';
import { keepPlaygroundErrors } from './errors-transfer';
import { forgetRun, summariseRun } from './saved-runs';
import { runInWorker } from './search-run';
import { measureDevice } from './measure-device';
import { checkUserFile } from './user-file';
import { validationExample, WorkerModels } from './models';
import { checkAppended, DataArrivals } from '../engine/arrivals';
import { appendRefusal } from '../core/appendable';
import { PlaygroundError } from '../core/errors';
import { isZip } from '../data/user-images';
import { decodeImageBrowser } from '../data/image-decode-browser';
import { retrainInWorker } from './eval-depth';

/** The worker's side of the contract: each method hands its job to the module that does it. */
const life = holdLifeLock(self.name);
const downloads = createDownloads();
const runs = new ActiveRun();
const models = new WorkerModels();
/** The user's own file: held here, in the worker, and nowhere else. */
let userFile: UserFile | undefined;
const backend = new WorkerBackend({ readAsset, net: downloads.net });
/** Where files appended to the run in flight go. */
let growing: { runId: number; arrivals: DataArrivals } | null = null;

const api: SearchWorkerApi = {
  alive() {
    return life;
  },

  prepare(preference, experiment) {
    return backend.prepare(preference, experiment);
  },

  async start(runId, experiment, sink, options = {}) {
    const control = runs.begin(runId);
    const arrivals = new DataArrivals();
    growing = { runId, arrivals };
    try {
      await runInWorker(
        experiment,
        (events) => sink(runId, events),
        backend,
        { readAsset, control, userFile, net: downloads.net, step: options.step ?? false, arrivals },
        options.resume ?? false,
        models,
      );
    } finally {
      runs.end(runId);
    }
  },

  async compare(runId, experiment, strategies, seeds, sink) {
    const control = runs.begin(runId);
    try {
      const chosen = await backend.forExperiment(experiment);
      let last = 0;
      return await compareStrategies(
        experiment,
        strategies,
        seeds,
        { readAsset, backend: chosen, control, userFile, net: downloads.net },
        (progress, partial) => {
          // Throttled like search events: a table comparison finishes hundreds of runs a second.
          const now = performance.now();
          if (now - last > FLUSH_EVERY_MS || progress.done === progress.total) {
            last = now;
            sink(runId, progress, partial);
          }
        },
      );
    } finally {
      runs.end(runId);
    }
  },

  interruptedRun(experiment) {
    return summariseRun(experiment);
  },
  forgetRun(experiment) {
    return forgetRun(experiment);
  },

  pause(runId) {
    runs.control(runId)?.pause();
  },
  resume(runId) {
    runs.control(runId)?.resume();
  },
  stop(runId) {
    runs.control(runId)?.stop();
  },

  async appendData(runId, experiment, name, bytes) {
    const refusal = appendRefusal(experiment);
    if (refusal) throw new PlaygroundError('incompatible-data', refusal, 'Start a new search on a file that holds all the data.');
    if (growing?.runId !== runId || !runs.control(runId))
      throw new PlaygroundError('incompatible-data', 'The search has ended, so data cannot be appended to it.', 'Append while a search runs or is paused.');
    const { arrivals } = growing;
    const file = { name, bytes, ...(isZip(bytes) ? { decode: decodeImageBrowser } : {}) };
    const report = await checkAppended(experiment, readAsset, userFile, [...arrivals.all, file]);
    arrivals.add(file);
    return report;
  },

  async setUserFile(name, bytes, label) {
    const checked = await checkUserFile(name, bytes, label);
    userFile = checked.file;
    return checked.summary;
  },

  watchDownloads(sink) {
    downloads.watch(sink);
  },

  async estimate(experiment) {
    await backend.forExperiment(experiment);
    return measureStep(experiment, { readAsset, userFile, net: downloads.net });
  },

  measureDevice(onBackend) {
    if (runs.busy) throw new PlaygroundError('backend', 'A search is running in this tab.', 'Measure this device when it has finished or been stopped.');
    return measureDevice(onBackend);
  },

  memory() {
    const m = tf.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes };
  },

  keptModels() {
    return models.list();
  },
  async exportModel(experiment, trial, format) {
    const file = await models.export(experiment, trial, format, { readAsset, userFile, net: downloads.net });
    return Comlink.transfer(file, [file.bytes.buffer as ArrayBuffer]);
  },
  predict(trial, x) {
    return models.predict(trial, x);
  },
  validationExample(experiment, index) {
    return validationExample(experiment, index, { readAsset, userFile, net: downloads.net });
  },
  retrainAtDepth(runId, experiment, returned, setting, sink) {
    const prepare = () => backend.forExperiment(experiment);
    return retrainInWorker(runs, runId, { experiment, returned, setting }, prepare, { readAsset, userFile, net: downloads.net }, models.store, sink);
  },
};

keepPlaygroundErrors();
Comlink.expose(api);
