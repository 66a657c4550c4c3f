import { concatBytes } from '../../core/bytes';
import type { DownloadProgress } from '../../contracts/data';
import { PlaygroundError } from '../../core/errors';
import { cacheKey, keep, readCached, sha256Hex, type ByteCache } from './cache';
import type { ImageSetFile } from './catalog';

/** How this context reaches the mirrors: its fetch, its cache, and who hears of the progress. */
export interface NetworkAccess {
  fetch: typeof fetch;
  cache?: ByteCache;
  progress?: (p: DownloadProgress) => void;
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
  return concatBytes(chunks);
}

const inFlight = new Map<string, Promise<{ bytes: Uint8Array; cached: boolean }>>();

/** One file of a set, fetched once even when the data panel and a search ask for it together. */
export function fetchFile(
  net: NetworkAccess,
  dataset: string,
  title: string,
  name: string,
  file: ImageSetFile,
): Promise<{ bytes: Uint8Array; cached: boolean }> {
  const key = `${dataset}/${name}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = fetchFileOnce(net, dataset, title, name, file).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/** One file of a set: from the cache if it is there and intact, else from the first mirror that answers, checked, then cached. */
async function fetchFileOnce(
  net: NetworkAccess,
  dataset: string,
  title: string,
  name: string,
  file: ImageSetFile,
): Promise<{ bytes: Uint8Array; cached: boolean }> {
  const key = cacheKey(dataset, name, file);
  const cached = await readCached(net.cache, key, file);
  if (cached) {
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
    await keep(net.cache, key, bytes);
    return { bytes, cached: false };
  }
  throw new PlaygroundError(
    'dataset-load',
    `Could not load ${title} (${name}): ${problems.join('; ')}.`,
    'Check your connection (some networks block these hosts) and try again; once loaded, the set is kept on this device for offline use.',
  );
}
