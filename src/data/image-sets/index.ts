import { PlaygroundError } from '../../core/errors';
import type { DownloadedDataset } from '../../core/experiment';
import type { AssetReader, RawDataset } from '../types';
import { loadCatalog } from './catalog';
import { fetchFile, type NetworkAccess } from './fetch';
import { damaged, gunzip, parseCifarTar, parseIdx } from './parse';

export type { ByteCache } from './cache';
export type { NetworkAccess } from './fetch';

/** Default cap on decoded examples when "all" is asked of a large set: the rest would not fit a browser tab's memory comfortably. */
export const IMAGE_SET_CAP = 20_000;

/**
 * Standard image sets fetched at run time from their usual public locations: MNIST and
 * Fashion-MNIST (IDX files) and CIFAR-10 (its binary batches in a tar.gz). Each file is checked
 * against its published SHA-256 where one is published (CIFAR-10's binary archive has none: its
 * structure is checked instead), cached on the device so a second visit works offline, and decoded
 * only as far as the subset in use.
 */
export async function loadImageSet(id: DownloadedDataset, readAsset: AssetReader, net: NetworkAccess | undefined, limit: number): Promise<RawDataset> {
  const entry = (await loadCatalog(readAsset))[id];
  if (!entry) throw new PlaygroundError('dataset-load', `The list of image sets has no "${id}".`, 'Reload the page.');
  if (!net)
    throw new PlaygroundError(
      'dataset-load',
      `${entry.title} is downloaded at run time, and this run has no network access.`,
      'Choose a shipped dataset such as digits.',
    );
  const cap = limit > 0 ? limit : IMAGE_SET_CAP;
  let decoded: { x: Float32Array; y: Int32Array; n: number };
  let input: RawDataset['info']['input'];
  let fromCache: boolean;
  if (entry.format === 'idx') {
    const images = await fetchFile(net, id, entry.title, 'images', entry.files.images!);
    const labels = await fetchFile(net, id, entry.title, 'labels', entry.files.labels!);
    const idx = parseIdx(gunzip(images.bytes, `${entry.title} (images)`), gunzip(labels.bytes, `${entry.title} (labels)`), cap, entry.title);
    decoded = idx;
    input = { height: idx.side, width: idx.side, channels: 1 };
    fromCache = images.cached && labels.cached;
  } else {
    const archive = await fetchFile(net, id, entry.title, 'archive', entry.files.archive!);
    decoded = parseCifarTar(archive.bytes, cap);
    input = { height: 32, width: 32, channels: 3 };
    fromCache = archive.cached;
  }
  if (decoded.y.some((l) => l >= entry.classes.length))
    throw damaged(entry.title, `a label is ${Math.max(...decoded.y)} but the set has ${entry.classes.length} classes`);
  return {
    info: {
      id,
      title: `${entry.title} (${input.height} × ${input.width}${input.channels === 3 ? ' colour' : ''}, ${entry.classes.length} classes, first ${decoded.n.toLocaleString('en')} training images)`,
      kind: 'image',
      input,
      classNames: entry.classes,
      source: `${entry.source}${fromCache ? ' · from this device’s cache' : ' · downloaded, checked and cached'}`,
    },
    examples: decoded,
  };
}
