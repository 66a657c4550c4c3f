import type { ImageSetFile } from './catalog';

/** Where downloaded files are kept between visits (IndexedDB in the page, a folder for the CLI). */
export interface ByteCache {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, bytes: Uint8Array): Promise<void>;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A file is cached under its checksum (or first mirror), so a catalog that names another file never gets the old one. */
export const cacheKey = (dataset: string, name: string, file: ImageSetFile): string => `${dataset}/${name}/${file.sha256 ?? file.urls[0]}`;

/** The cached bytes if they are there and intact; a cache that fails to answer is a cache miss. */
export async function readCached(cache: ByteCache | undefined, key: string, file: ImageSetFile): Promise<Uint8Array | undefined> {
  const cached = await cache?.get(key).catch(() => undefined);
  return cached && (!file.sha256 || (await sha256Hex(cached)) === file.sha256) ? cached : undefined;
}

/** Keeps downloaded bytes; a write that fails (a full disk) costs the next visit, not this one. */
export async function keep(cache: ByteCache | undefined, key: string, bytes: Uint8Array): Promise<void> {
  await cache?.set(key, bytes).catch(() => undefined);
}
