import type { PrepReport } from '../contracts/data';
import { PlaygroundError } from '../core/errors';
import { datasetEntry, type DatasetEntry, type DatasetSource } from '../core/dataset/index';
import type { DatasetId, DownloadedDataset, Experiment } from '../core/experiment';
import { createRng } from '../core/rng';
import type { Split, TrainData } from '../nn/train';
import { DIGITS_PATH, parseDigits } from './digits';
import { generatedDataset } from './procedural';
import { stratifiedSplit } from './split';
import { parseTable, TABLES, type TableId } from './tabular';
import { cleanTable } from './clean';
import { appendedRows, appendReports, joinSplits, moveTail } from './append';
import { baselineAccuracy } from './baseline';
import { engineerFeatures, engineering, scaleSplits } from './features';
import { baselineSteps, checkFeatureCost, MAX_PREP_STEPS } from './prep-cost';
import { balanceClasses } from './synthetic';
import { addGenerated } from './generate';
import { loadImageSet, type NetworkAccess } from './image-sets';
import { isZip, parseUserImages, type ImageDecoder } from './user-images';
import { contentHash, parseUserCsv } from './user-csv';
import type { AssetReader, DatasetInfo, RawDataset } from './types';

export interface PreparedData extends TrainData {
  /** The held-out test split (empty when the experiment holds none out). */
  test: Split;
  info: DatasetInfo;
  /** What preparation did, step by step, for the data panel. */
  prep: PrepReport;
}

export interface PrepareOptions {
  /**
   * Fit the quick baseline before and after feature engineering, for the data panel. A search
   * does not need it, so only the preview asks (it costs up to a second on wide tables).
   */
  baseline?: boolean;
  /** Files appended to the user's file while its search ran: cleaned with its statistics, added to the training split. */
  appended?: readonly UserFile[];
}

/** The bytes of the user's own file, held on this device (the page's worker, or the CLI). */
export interface UserFile {
  name: string;
  bytes: Uint8Array;
  /** How this context decodes image files (a zip of class folders); absent where images cannot be read. */
  decode?: ImageDecoder;
}

/** A file shipped with the page; a failed read says which and what to do. */
async function readShipped(readAsset: AssetReader, path: string, what: string): Promise<Uint8Array> {
  try {
    return await readAsset(path);
  } catch (e) {
    throw new PlaygroundError(
      'dataset-load',
      `Could not load ${what} (${e instanceof Error ? e.message : String(e)}).`,
      'Check the connection and reload; the file is served with the page.',
    );
  }
}

type Loader = (entry: DatasetEntry<DatasetId>, x: Experiment, ctx: LoadContext) => Promise<RawDataset> | RawDataset;

interface LoadContext {
  readAsset: AssetReader;
  userFile?: UserFile;
  net?: NetworkAccess;
}

/** The user's own file, checked against the hash the experiment carries. */
function loadUserFile(x: Experiment, userFile?: UserFile): RawDataset | Promise<RawDataset> {
  const expected = x.data.file!;
  if (!userFile) {
    throw new PlaygroundError(
      'incompatible-data',
      `This experiment searches your own file "${expected.name}", which a link cannot carry.`,
      'Choose the same file again to run it.',
    );
  }
  const hash = contentHash(userFile.bytes);
  if (hash !== expected.hash) {
    throw new PlaygroundError(
      'incompatible-data',
      `"${userFile.name}" is not the file this experiment was made with (content ${hash}, expected ${expected.hash}).`,
      'Choose the original file, or start a new experiment with this one.',
    );
  }
  if (isZip(userFile.bytes)) {
    if (!userFile.decode)
      throw new PlaygroundError('incompatible-data', `"${userFile.name}" holds images, which this context cannot decode.`, 'Open it in the page.');
    return parseUserImages(userFile.bytes, userFile.name, userFile.decode, hash);
  }
  return parseUserCsv(userFile.bytes, { label: expected.label, name: userFile.name });
}

/** One loader per kind of source; a data set's entry says which applies. */
const LOADERS: Record<DatasetSource['kind'], Loader> = {
  generated: (entry, x) =>
    entry.source.kind === 'generated' ? generatedDataset(entry, entry.source.generate(createRng(x.seed).fork('data').fork('generate'))) : unreachable(entry),
  digits: async (_entry, _x, { readAsset }) => parseDigits(await readShipped(readAsset, DIGITS_PATH, 'the digits dataset')),
  table: async (entry, _x, { readAsset }) => {
    if (!isTableId(entry.id)) return unreachable(entry);
    return parseTable(entry.id, await readShipped(readAsset, TABLES[entry.id].path, `the ${entry.id} table`));
  },
  download: (entry, x, { readAsset, net }) => loadImageSet(entry.id as DownloadedDataset, readAsset, net, x.data.maxExamples),
  user: (_entry, x, { userFile }) => loadUserFile(x, userFile),
  benchmark: (entry) => {
    throw new PlaygroundError(
      'incompatible-data',
      `"${entry.id}" has no examples to train on here; it is known only through the NAS-Bench-201 table.`,
      'Choose the NAS-Bench-201 lookup, or another dataset.',
    );
  },
};

function unreachable(entry: DatasetEntry): never {
  throw new Error(`The ${entry.id} data set has no loader for its source.`);
}

function isTableId(id: string): id is TableId {
  return id in TABLES;
}

export async function loadRaw(x: Experiment, readAsset: AssetReader, userFile?: UserFile, net?: NetworkAccess): Promise<RawDataset> {
  const entry = datasetEntry(x.dataset);
  return LOADERS[entry.source.kind](entry, x, { readAsset, userFile, net });
}

/** A table's first rows as read, for the data panel. */
function firstRows(raw: RawDataset, count = 8): NonNullable<PrepReport['original']> {
  const width = raw.info.input.channels;
  const n = Math.min(count, raw.examples.n);
  return {
    columns: raw.info.columns ?? Array.from({ length: width }, (_, f) => `feature ${f + 1}`),
    rows: Array.from({ length: n }, (_, i) => Array.from(raw.examples.x.subarray(i * width, (i + 1) * width))),
    labels: Array.from({ length: n }, (_, i) => raw.info.classNames[raw.examples.y[i]!]!),
  };
}

/** Halves an image dataset's height and width by 2 × 2 averaging: the lower-resolution fidelity. */
export function halveResolution(raw: RawDataset): RawDataset {
  const { height, width, channels } = raw.info.input;
  if (raw.info.kind !== 'image' || height < 2 || width < 2) return raw;
  const h = Math.floor(height / 2);
  const w = Math.floor(width / 2);
  const { n } = raw.examples;
  const x = new Float32Array(n * h * w * channels);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        for (let ch = 0; ch < channels; ch++) {
          let sum = 0;
          for (const [dr, dc] of [
            [0, 0],
            [0, 1],
            [1, 0],
            [1, 1],
          ] as const)
            sum += raw.examples.x[((i * height + 2 * r + dr) * width + 2 * c + dc) * channels + ch]!;
          x[((i * h + r) * w + c) * channels + ch] = sum / 4;
        }
      }
    }
  }
  return {
    info: { ...raw.info, title: `${raw.info.title}, at ${h} × ${w}`, input: { height: h, width: w, channels } },
    examples: { x, y: raw.examples.y, n },
  };
}

/**
 * The dataset of an experiment, prepared as its settings say: cleaned (tables), split with the
 * experiment's seed into training, validation and held-out test, scaled and feature-engineered on
 * the training split's statistics (tables), then enlarged with generated examples and balanced with synthetic ones (training split only).
 */
export async function prepareData(
  x: Experiment,
  readAsset: AssetReader,
  userFile?: UserFile,
  net?: NetworkAccess,
  options: PrepareOptions = {},
): Promise<PreparedData> {
  let loaded = await loadRaw(x, readAsset, userFile, net);
  const table = loaded.info.kind === 'table';
  const original = table ? firstRows(loaded) : undefined;
  const cleaned = table ? cleanTable(loaded, x.data.cleaning) : null;
  let extra = options.appended?.length && userFile ? await appendedRows(loaded, userFile, options.appended, cleaned?.fit, x.data.cleaning) : null;
  if (extra && x.data.resolution === 0.5) extra = { ...extra, examples: halveResolution({ info: loaded.info, examples: extra.examples }).examples };
  if (cleaned) loaded = cleaned;
  const raw = x.data.resolution === 0.5 ? halveResolution(loaded) : loaded;
  let { input } = raw.info;
  let info = raw.info;
  const size = input.height * input.width * input.channels;
  const rng = createRng(x.seed).fork('data');
  let { train, val, test } = stratifiedSplit(raw.examples, size, x.data.validationFraction, x.data.maxExamples, rng.fork('split'), x.data.testFraction);
  // Appended rows ride behind the test split, so scaling and features treat them with the training split's statistics.
  if (extra) test = joinSplits(test, extra.examples);
  const prep: PrepReport = { ...(info.cleaning ? { cleaning: info.cleaning } : {}), realTrain: train.n, ...(original ? { original } : {}) };
  if (table) {
    scaleSplits(train, val, size, x.data.cleaning.scale, test);
    if (engineering(x.data.features)) {
      const classes = info.classNames.length;
      const columns = info.columns ?? Array.from({ length: size }, (_, f) => `feature ${f + 1}`);
      const cost = checkFeatureCost(train.n + val.n, size, x.data.features);
      // The baseline is a hint in the data panel: skipped, not refused, where it would cost more than the engineering may.
      const affordable = options.baseline && baselineSteps(train.n, Math.max(size, cost.columns), classes) <= MAX_PREP_STEPS / 2;
      const before = affordable ? baselineAccuracy(train, val, size, classes) : null;
      const out = engineerFeatures(train, val, columns, classes, x.data.features, test);
      if (out.columns.length === 0) throw new PlaygroundError('invalid-config', 'Feature engineering left no columns.', 'Keep at least one column.');
      const baseline = before === null ? null : { before, after: baselineAccuracy(out.train, out.val, out.columns.length, classes) };
      ({ train, val, test } = out);
      input = { height: 1, width: 1, channels: out.columns.length };
      info = { ...info, input, columns: out.columns, title: `${info.title} → ${out.columns.length} engineered features` };
      prep.features = { ...out.report, baseline };
    }
  }
  if (extra) {
    ({ from: test, to: train } = moveTail(test, train, extra.examples.n));
    prep.realTrain = train.n;
    prep.appended = appendReports(extra.counts, train.n, train.n + val.n + test.n);
  }
  if (x.data.synthetic.generate !== 'none') {
    const out = addGenerated(train, { ...info, input }, x.data.synthetic, rng.fork('generate'));
    train = out.train;
    prep.generated = out.report;
  }
  if (x.data.synthetic.balance) {
    const out = balanceClasses(train, input.height * input.width * input.channels, info.classNames.length, rng.fork('synthetic'));
    train = out.train;
    prep.synthetic = out.report;
  }
  return { info, input, classes: info.classNames.length, train, val, test, prep };
}
