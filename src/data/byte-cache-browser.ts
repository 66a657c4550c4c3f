import { createStore, get, set } from 'idb-keyval';
import type { ByteCache } from './image-sets/cache';

/** Downloaded image-set files kept in IndexedDB, so a second visit works offline. */
export function indexedDbCache(): ByteCache {
  const store = createStore('nas-playground-datasets', 'files');
  return {
    get: (key) => get<Uint8Array>(key, store),
    set: (key, bytes) => set(key, bytes, store),
  };
}
