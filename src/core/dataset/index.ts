import { cifar10, cifar100, imagenet16 } from './benchmark';
import { cifar10Images, fashionMnist, mnist } from './downloaded';
import type { DatasetEntry } from './entry';
import { moons } from './moons';
import { own } from './own';
import { shapes } from './shapes';
import { breastCancer, digits, iris, wine } from './shipped';
import { spiral } from './spiral';

/** The data sets, in menu order. */
export const DATASETS = [
  digits,
  shapes,
  spiral,
  moons,
  iris,
  wine,
  breastCancer,
  mnist,
  fashionMnist,
  cifar10Images,
  own,
  cifar10,
  cifar100,
  imagenet16,
] as const;

type Entries = (typeof DATASETS)[number];
export type DatasetId = Entries['id'];
/** Known only through a tabular benchmark: searched by lookup, never trained here. */
export type BenchmarkDataset = Extract<Entries, { kind: 'benchmark' }>['id'];
/** Image sets downloaded at run time from their usual public locations (and cached on the device). */
export type DownloadedDataset = Extract<Entries, { downloaded: true }>['id'];

const ALL: readonly DatasetEntry<DatasetId>[] = DATASETS;

export const DATASET_IDS: readonly DatasetId[] = ALL.map((d) => d.id);
export const BENCHMARK_DATASETS = ALL.filter((d) => d.kind === 'benchmark').map((d) => d.id) as readonly BenchmarkDataset[];
export const DOWNLOADED_DATASETS = ALL.filter((d) => d.downloaded).map((d) => d.id) as readonly DownloadedDataset[];
/** Data sets with examples to train on. */
export const TRAINABLE_DATASETS: readonly DatasetId[] = ALL.filter((d) => d.kind !== 'benchmark').map((d) => d.id);

const BY_ID = new Map<string, DatasetEntry<DatasetId>>(ALL.map((d) => [d.id, d]));

export function datasetEntry(id: DatasetId): DatasetEntry<DatasetId>;
export function datasetEntry(id: string): DatasetEntry<DatasetId> | undefined;
export function datasetEntry(id: string): DatasetEntry<DatasetId> | undefined {
  return BY_ID.get(id);
}

export type { DatasetEntry, DatasetKind, DatasetSource, GeneratedData } from './entry';
