import { createStore, del, get, set, type UseStore } from 'idb-keyval';

/**
 * IndexedDB as it really behaves: where site storage is blocked, opening a database throws at
 * once (not in the promise), and a full disk rejects writes with QuotaExceededError. Every call
 * here returns a promise that settles, never throws, and says which of those happened, so the
 * caller can go on without storage and tell the person what that costs.
 */
export type StorageProblem = 'blocked' | 'full' | 'failed';

export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    cause: unknown,
  ) {
    super(`storage ${problem}: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`.slice(0, 200));
    this.name = 'StorageError';
  }
}

export function classifyStorageError(e: unknown): StorageProblem {
  const name = e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? (e as Error).name : '';
  if (name === 'QuotaExceededError' || /quota/i.test(String(e))) return 'full';
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'ReferenceError' || typeof indexedDB === 'undefined') return 'blocked';
  return 'failed';
}

/** What each problem costs, in words for the page. */
export const STORAGE_NOTICES: Record<StorageProblem, string> = {
  blocked:
    'Site storage is blocked in this browser, so nothing is kept on this device: a reload or a crash starts the run over, and downloaded image sets are fetched again.',
  full: "This device's storage for the playground is full, so the run is no longer being kept: it goes on, but a reload or a crash would start it over.",
  failed: 'The run could not be kept on this device (storage failed), so a reload or a crash would start it over; the run itself goes on.',
};

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

async function guarded<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw new StorageError(classifyStorageError(e), e);
  }
}

/** One IndexedDB object store, opened on first use; each operation rejects with a StorageError instead of throwing. */
export function browserStore(database: string, storeName: string): KeyValueStore {
  let store: UseStore | null = null;
  const open = () => (store ??= createStore(database, storeName));
  return {
    get: <T>(key: string) => guarded(() => get<T>(key, open())),
    set: (key, value) => guarded(() => set(key, value, open())),
    del: (key) => guarded(() => del(key, open())),
  };
}
