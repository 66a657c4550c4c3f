import { PlaygroundError } from '../core/errors';
import type { Experiment } from '../core/experiment';
import { createRng } from '../core/rng';
import type { TrainData } from '../nn/train';
import { DIGITS_PATH, parseDigits } from './digits';
import { makeShapes, makeSpiral } from './procedural';
import { stratifiedSplit } from './split';
import type { AssetReader, DatasetInfo, RawDataset } from './types';

export interface PreparedData extends TrainData {
  info: DatasetInfo;
}

export async function loadRaw(x: Experiment, readAsset: AssetReader): Promise<RawDataset> {
  const rng = createRng(x.seed).fork('data');
  switch (x.dataset) {
    case 'spiral':
      return makeSpiral(rng.fork('generate'));
    case 'shapes':
      return makeShapes(rng.fork('generate'));
    case 'digits': {
      let bytes: Uint8Array;
      try {
        bytes = await readAsset(DIGITS_PATH);
      } catch (e) {
        throw new PlaygroundError('dataset-load', `Could not load the digits dataset (${e instanceof Error ? e.message : String(e)}).`, 'Check the connection and reload; the file is served with the page.');
      }
      return parseDigits(bytes);
    }
    default:
      throw new PlaygroundError('incompatible-data', `"${x.dataset}" has no examples to train on here; it is known only through the NAS-Bench-201 table.`, 'Choose the NAS-Bench-201 lookup, or another dataset.');
  }
}

/** The dataset of an experiment, split with the experiment's seed. */
export async function prepareData(x: Experiment, readAsset: AssetReader): Promise<PreparedData> {
  const raw = await loadRaw(x, readAsset);
  const { input } = raw.info;
  const size = input.height * input.width * input.channels;
  const { train, val } = stratifiedSplit(raw.examples, size, x.data.validationFraction, x.data.maxExamples, createRng(x.seed).fork('data').fork('split'));
  return { info: raw.info, input, classes: raw.info.classNames.length, train, val };
}
