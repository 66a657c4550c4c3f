import { gunzipSync } from 'fflate';
import * as v from 'valibot';
import { PlaygroundError } from '../core/errors';
import type { DownloadedDataset } from '../core/experiment';
import type { AssetReader, RawDataset } from './types';

/**
 * Standard image sets fetched at run time from their usual public locations: MNIST and
 * Fashion-MNIST (IDX files) and CIFAR-10 (its binary batches in a tar.gz). Each file is checked
 * against its published SHA-256 where one is published (CIFAR-10's binary archive has none: its
 * structure is checked instead), cached on the device so a second visit works offline, and decoded
 * only as far as the subset in use.
 */
export const IMAGE_SETS_PATH = 'data/image-sets.json';

const FileSchema = v.object({ urls: v.pipe(v.array(v.pipe(v.string(), v.url())), v.minLength(1)), sha256: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))), bytes: v.number() });
const CatalogSchema = v.record(
  v.string(),
  v.object({
    title: v.string(),
    source: v.string(),
    format: v.picklist(['idx', 'cifar']),
    classes: v.array(v.string()),
    files: v.record(v.string(), FileSchema),
  }),
);
export type ImageSetCatalog = v.InferOutput<typeof CatalogSchema>;
type FileEntry = v.InferOutput<typeof FileSchema>;

/** How far a download has come, for a progress bar. */
export interface DownloadProgress {
  dataset: string;
  file: string;
  loaded: number;
  total: number;
  /** `cache` when the bytes came from this device. */
  from: 'network' | 'cache';
}

/** Where downloaded files are kept between visits (IndexedDB in the page, a folder for the CLI). */
export interface ByteCache {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, bytes: Uint8Array): Promise<void>;
}

export interface NetworkAccess {
  fetch: typeof fetch;
  cache?: ByteCache;
  progress?: (p: DownloadProgress) => void;
}

/** Default cap on decoded examples when "all" is asked of a large set: the rest would not fit a browser tab's memory comfortably. */
export const IMAGE_SET_CAP = 20_000;

function damaged(what: string, why: string): PlaygroundError {
  return new PlaygroundError('dataset-load', `${what} is not a valid file: ${why}.`, 'Load it again; if it persists, the mirror may serve a different file.');
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const readU32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** IDX images (magic 0x803) and labels (0x801), already gunzipped: the first `limit` examples, pixels scaled to [0, 1]. */
export function parseIdx(images: Uint8Array, labels: Uint8Array, limit: number, name = 'The IDX file'): { x: Float32Array; y: Int32Array; n: number; side: number } {
  if (images.length < 16 || readU32(images, 0) !== 0x803) throw damaged(`${name} (images)`, 'its header is not that of IDX images (magic 2051)');
  if (labels.length < 8 || readU32(labels, 0) !== 0x801) throw damaged(`${name} (labels)`, 'its header is not that of IDX labels (magic 2049)');
  const count = readU32(images, 4);
  const [rows, cols] = [readU32(images, 8), readU32(images, 12)];
  if (readU32(labels, 4) !== count) throw damaged(name, `it has ${count} images but ${readU32(labels, 4)} labels`);
  if (images.length !== 16 + count * rows * cols || labels.length !== 8 + count) throw damaged(name, 'it is shorter or longer than its header says (truncated download?)');
  if (rows !== cols) throw damaged(name, `its images are ${rows} × ${cols}, not square`);
  const n = Math.min(count, limit);
  const size = rows * cols;
  const x = new Float32Array(n * size);
  for (let i = 0; i < n * size; i++) x[i] = images[16 + i]! / 255;
  const y = Int32Array.from(labels.subarray(8, 8 + n));
  return { x, y, n, side: rows };
}

/** The files of a ustar archive, by name. */
export function readTar(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const text = (at: number, len: number) => new TextDecoder().decode(bytes.subarray(at, at + len)).replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= bytes.length; ) {
    const name = text(at, 100);
    if (name === '') break;
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const type = text(at + 156, 1);
    const prefix = text(at + 345, 155);
    if (!Number.isFinite(size) || at + 512 + size > bytes.length) throw damaged('The archive', `entry "${name}" runs past its end (truncated download?)`);
    if (type === '0' || type === '') files.set(prefix ? `${prefix}/${name}` : name, bytes.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

const CIFAR_RECORD = 1 + 32 * 32 * 3;

/** CIFAR-10 binary batches (label byte, then 1024 R, 1024 G, 1024 B), as NHWC in [0, 1]: the first `limit` training images. */
export function parseCifarTar(archive: Uint8Array, limit: number): { x: Float32Array; y: Int32Array; n: number } {
  let tar: Uint8Array;
  try {
    tar = gunzipSync(archive);
  } catch {
    throw damaged('The CIFAR-10 archive', 'it is not gzip data');
  }
  const files = readTar(tar);
  const batches = [1, 2, 3, 4, 5].map((k) => [...files.entries()].find(([name]) => name.endsWith(`data_batch_${k}.bin`))?.[1]);
  if (batches.some((b) => !b)) throw damaged('The CIFAR-10 archive', 'it lacks data_batch_1.bin … data_batch_5.bin');
  for (const b of batches) if (b!.length === 0 || b!.length % CIFAR_RECORD !== 0) throw damaged('The CIFAR-10 archive', `a batch holds ${b!.length} bytes, not whole records of ${CIFAR_RECORD}`);
  const records = batches.flatMap((b) => Array.from({ length: b!.length / CIFAR_RECORD }, (_, r) => [b!, r * CIFAR_RECORD] as const));
  const n = Math.min(records.length, limit);
  const x = new Float32Array(n * 3072);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const [batch, at] = records[i]!;
    const label = batch[at]!;
    if (label > 9) throw damaged('The CIFAR-10 archive', `record ${i + 1} has label ${label}`);
    y[i] = label;
    for (let p = 0; p < 1024; p++) for (let c = 0; c < 3; c++) x[i * 3072 + p * 3 + c] = batch[at + 1 + c * 1024 + p]! / 255;
  }
  return { x, y, n };
}

/** Reads a response body in chunks, reporting progress. */
async function download(net: NetworkAccess, url: string, report: (loaded: number, total: number) => void, expected: number): Promise<Uint8Array> {
  const response = await net.fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || expected;
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    report(bytes.length, bytes.length);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    report(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

const inFlight = new Map<string, Promise<{ bytes: Uint8Array; cached: boolean }>>();

/** One file of a set, fetched once even when the data panel and a search ask for it together. */
function fetchFile(net: NetworkAccess, dataset: string, title: string, name: string, file: FileEntry): Promise<{ bytes: Uint8Array; cached: boolean }> {
  const key = `${dataset}/${name}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = fetchFileOnce(net, dataset, title, name, file).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/** One file of a set: from the cache if it is there and intact, else from the first mirror that answers, checked, then cached. */
async function fetchFileOnce(net: NetworkAccess, dataset: string, title: string, name: string, file: FileEntry): Promise<{ bytes: Uint8Array; cached: boolean }> {
  const key = `${dataset}/${name}/${file.sha256 ?? file.urls[0]}`;
  const cached = await net.cache?.get(key).catch(() => undefined);
  if (cached && (!file.sha256 || (await sha256Hex(cached)) === file.sha256)) {
    net.progress?.({ dataset, file: name, loaded: cached.length, total: cached.length, from: 'cache' });
    return { bytes: cached, cached: true };
  }
  const problems: string[] = [];
  for (const url of file.urls) {
    let bytes: Uint8Array;
    try {
      bytes = await download(net, url, (loaded, total) => net.progress?.({ dataset, file: name, loaded, total, from: 'network' }), file.bytes);
    } catch (e) {
      problems.push(`${new URL(url).host}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    if (file.sha256) {
      const got = await sha256Hex(bytes);
      if (got !== file.sha256) {
        problems.push(`${new URL(url).host}: the file's SHA-256 is ${got.slice(0, 12)}…, not the published ${file.sha256.slice(0, 12)}…`);
        continue;
      }
    }
    await net.cache?.set(key, bytes).catch(() => undefined); // a full disk costs the next visit, not this one
    return { bytes, cached: false };
  }
  throw new PlaygroundError(
    'dataset-load',
    `Could not load ${title} (${name}): ${problems.join('; ')}.`,
    'Check your connection (some networks block these hosts) and try again; once loaded, the set is kept on this device for offline use.',
  );
}

let catalog: Promise<ImageSetCatalog> | null = null;

export function loadCatalog(readAsset: AssetReader): Promise<ImageSetCatalog> {
  catalog ??= readAsset(IMAGE_SETS_PATH)
    .then((bytes) => v.parse(CatalogSchema, JSON.parse(new TextDecoder().decode(bytes))))
    .catch((e: unknown) => {
      catalog = null;
      throw new PlaygroundError('dataset-load', `Could not read the list of image sets (${e instanceof Error ? e.message : String(e)}).`, 'Reload the page.');
    });
  return catalog;
}

/** Forgets the catalog read earlier (tests serve another one). */
export function resetCatalog(): void {
  catalog = null;
}

export async function loadImageSet(id: DownloadedDataset, readAsset: AssetReader, net: NetworkAccess | undefined, limit: number): Promise<RawDataset> {
  const entry = (await loadCatalog(readAsset))[id];
  if (!entry) throw new PlaygroundError('dataset-load', `The list of image sets has no "${id}".`, 'Reload the page.');
  if (!net) throw new PlaygroundError('dataset-load', `${entry.title} is downloaded at run time, and this run has no network access.`, 'Choose a shipped dataset such as digits.');
  const cap = limit > 0 ? limit : IMAGE_SET_CAP;
  let decoded: { x: Float32Array; y: Int32Array; n: number };
  let input: RawDataset['info']['input'];
  let fromCache: boolean;
  if (entry.format === 'idx') {
    const images = await fetchFile(net, id, entry.title, 'images', entry.files.images!);
    const labels = await fetchFile(net, id, entry.title, 'labels', entry.files.labels!);
    const unzip = (b: Uint8Array, what: string) => {
      try {
        return gunzipSync(b);
      } catch {
        throw damaged(`${entry.title} (${what})`, 'it is not gzip data');
      }
    };
    const idx = parseIdx(unzip(images.bytes, 'images'), unzip(labels.bytes, 'labels'), cap, entry.title);
    decoded = idx;
    input = { height: idx.side, width: idx.side, channels: 1 };
    fromCache = images.cached && labels.cached;
  } else {
    const archive = await fetchFile(net, id, entry.title, 'archive', entry.files.archive!);
    decoded = parseCifarTar(archive.bytes, cap);
    input = { height: 32, width: 32, channels: 3 };
    fromCache = archive.cached;
  }
  if (decoded.y.some((l) => l >= entry.classes.length)) throw damaged(entry.title, `a label is ${Math.max(...decoded.y)} but the set has ${entry.classes.length} classes`);
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
