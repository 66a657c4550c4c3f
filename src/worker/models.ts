import { strToU8, zipSync } from 'fflate';
import type { ExportedFile, ExportFormat, KeptModel, Prediction, ValidationExample } from '../contracts/exports';
import { PlaygroundError } from '../core/errors';
import { experimentSpace, type Experiment } from '../core/experiment';
import type { TrainedModel } from '../core/net/types';
import { prepareData, type UserFile } from '../data/load';
import type { AssetReader } from '../data/types';
import type { NetworkAccess } from '../data/image-sets';
import { ModelStore } from '../engine/models';
import { toNni, toRay } from '../export/cluster/index';
import { toOnnx } from '../export/onnx';
import { toPytorch } from '../export/pytorch/index';
import { toTfjs } from '../export/tfjs';
import { Predictor } from '../nn/predictor';
import { drawLayers } from '../core/net/drawing';
import { EVAL_DEPTH_TRIAL } from '../contracts/eval-depth';

type DataDeps = { readAsset: AssetReader; userFile?: UserFile; net?: NetworkAccess };

function zipped(name: string, files: Record<string, string | Uint8Array>): ExportedFile {
  const entries = Object.fromEntries(Object.entries(files).map(([k, v]) => [`${name}/${k}`, typeof v === 'string' ? strToU8(v) : v]));
  return { name: `${name}.zip`, mime: 'application/zip', bytes: zipSync(entries, { level: 6 }) };
}

/** The trained models of the worker's last run, and what the page can do with them: download, try. */
export class WorkerModels {
  store = new ModelStore();
  private predictor: Predictor | null = null;

  /** A new run starts with nothing kept (a resumed one with the best it saved). */
  reset(saved?: { model: TrainedModel; reward: number }): ModelStore {
    this.predictor?.dispose();
    this.predictor = null;
    this.store = new ModelStore();
    if (saved) this.store.restore(saved.model, saved.reward);
    return this.store;
  }

  list(): KeptModel[] {
    const best = this.store.best;
    return this.store.indices().map((trial) => {
      const m = this.store.get(trial)!;
      return { trial, encoded: m.about.encoded, accuracy: m.about.accuracy, origin: m.about.origin, best: best === m, drawing: drawLayers(m.graph) };
    });
  }

  private model(trial: number | null): TrainedModel {
    const m = trial === null ? this.store.best : this.store.get(trial);
    if (!m) {
      throw new PlaygroundError(
        'invalid-config',
        trial === null ? 'No trained model is kept yet.' : `Trial ${trial + 1}'s weights are no longer in memory.`,
        'Run a search that trains its candidates; the best trial and the last few keep their weights.',
      );
    }
    return m;
  }

  async export(experiment: Experiment, trial: number | null, format: ExportFormat, deps: DataDeps): Promise<ExportedFile> {
    const model = this.model(trial);
    const base = `nas-playground-${model.about.space}-trial-${model.about.trial + 1}${trial === EVAL_DEPTH_TRIAL ? '-eval-depth' : ''}`;
    if (format === 'onnx') return { name: `${base}.onnx`, mime: 'application/octet-stream', bytes: toOnnx(model) };
    if (format === 'tfjs') return zipped(`${base}-tfjs`, { ...(await toTfjs(model)) });
    if (format === 'pytorch') return zipped(`${base}-pytorch`, toPytorch(model));
    const data = await prepareData(experiment, deps.readAsset, deps.userFile, deps.net);
    const input = { experiment, space: experimentSpace(experiment), model, data };
    return format === 'ray' ? zipped(`nas-playground-${experiment.space}-ray`, toRay(input)) : zipped(`nas-playground-${experiment.space}-nni`, toNni(input));
  }

  async predict(trial: number | null, x: Float32Array): Promise<Prediction> {
    const model = this.model(trial);
    if (this.predictor?.model !== model) {
      this.predictor?.dispose();
      this.predictor = new Predictor(model);
    }
    const p = await this.predictor.probabilities(x);
    return { trial: model.about.trial, classNames: model.about.classNames, probabilities: Array.from(p) };
  }
}

export async function validationExample(experiment: Experiment, index: number, deps: DataDeps): Promise<ValidationExample> {
  const data = await prepareData(experiment, deps.readAsset, deps.userFile, deps.net);
  const size = data.input.height * data.input.width * data.input.channels;
  const i = Math.min(Math.max(0, index), data.val.n - 1);
  return { x: data.val.x.slice(i * size, (i + 1) * size), label: data.val.y[i]!, input: data.input, classNames: data.info.classNames, count: data.val.n };
}
