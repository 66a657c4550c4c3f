import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TrialRecord } from '../contracts/events';
import { trialsCsv, trialsJson } from '../results/trial-files';
import { PlaygroundError } from '../core/errors';
import { experimentSpace, type Experiment } from '../core/experiment';
import { prepareData, type UserFile } from '../data/load';
import { readPublicAsset } from '../data/node-assets';
import type { ModelStore } from '../engine/models';
import { toNni, toRay } from '../export/cluster/index';
import { toOnnx } from '../export/onnx';
import { toPytorch } from '../export/pytorch/index';
import { toTfjs } from '../export/tfjs';

import type { ExportFormat } from '../contracts/exports';
import { EVAL_DEPTH_TRIAL } from '../contracts/eval-depth';
import type { TrainedModel } from '../core/net/types';

export { EXPORT_FORMATS, type ExportFormat } from '../contracts/exports';

function put(path: string, content: string | Uint8Array): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

function putAll(dir: string, files: Record<string, string | Uint8Array>): string[] {
  return Object.entries(files).map(([name, content]) => put(join(dir, name), content));
}

/** One trained model in the model formats asked for. */
async function writeModel(dir: string, model: TrainedModel, formats: readonly ExportFormat[]): Promise<string[]> {
  const written: string[] = [];
  if (formats.includes('onnx')) written.push(put(join(dir, 'model.onnx'), toOnnx(model)));
  if (formats.includes('tfjs')) written.push(...putAll(join(dir, 'tfjs'), { ...(await toTfjs(model)) }));
  if (formats.includes('pytorch')) written.push(...putAll(join(dir, 'pytorch'), toPytorch(model)));
  return written;
}

/**
 * Writes what a search leaves for scripts: the trials (CSV and JSON) in DIR, and the best model in
 * each format asked for: DIR/model.onnx, DIR/tfjs/, DIR/pytorch/, DIR/ray/, DIR/nni/ (and the best
 * retrained at evaluation depth, with --eval-depth, in DIR/eval-depth/). Returns the paths.
 */
export async function writeOutputs(
  dir: string,
  run: { experiment: Experiment; trials: readonly TrialRecord[]; best: number | null; models?: ModelStore; userFile?: UserFile },
  formats: readonly ExportFormat[],
): Promise<string[]> {
  const written = [put(join(dir, 'trials.csv'), trialsCsv(run.trials)), put(join(dir, 'trials.json'), trialsJson(run.trials, run.experiment, run.best))];
  if (formats.length === 0) return written;
  const model = run.models?.best;
  if (!model) {
    throw new PlaygroundError(
      'invalid-config',
      'This search kept no trained model to export (a table lookup trains none, and a stopped search may have finished no trial).',
      'Export from a search that trains its candidates (--evaluator train) or with weight sharing.',
    );
  }
  written.push(...(await writeModel(dir, model, formats)));
  const deep = run.models?.get(EVAL_DEPTH_TRIAL);
  if (deep) written.push(...(await writeModel(join(dir, 'eval-depth'), deep, formats)));
  if (formats.includes('ray') || formats.includes('nni')) {
    const data = await prepareData(run.experiment, readPublicAsset, run.userFile);
    const input = { experiment: run.experiment, space: experimentSpace(run.experiment), model, data };
    if (formats.includes('ray')) written.push(...putAll(join(dir, 'ray'), toRay(input)));
    if (formats.includes('nni')) written.push(...putAll(join(dir, 'nni'), toNni(input)));
  }
  return written;
}
