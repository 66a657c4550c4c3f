import { browserStore } from './browser-store';
import type { ByteCache } from './image-sets/cache';

/** Downloaded image-set files kept in IndexedDB, so a second visit works offline; storage that fails is a cache miss. */
export function indexedDbCache(): ByteCache {
  const store = browserStore('nas-playground-datasets', 'files');
  return {
    get: (key) => store.get<Uint8Array>(key),
    set: (key, bytes) => store.set(key, bytes),
  };
}
