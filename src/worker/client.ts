import * as Comlink from 'comlink';
import type { SearchWorkerApi } from '../contracts/worker-api';
import { keepPlaygroundErrors } from './errors-transfer';

keepPlaygroundErrors();

/** Starts the search worker; the page talks to it only through the typed contract (src/contracts/worker-api.ts). */
export function createSearchWorker(): { api: Comlink.Remote<SearchWorkerApi>; terminate(): void } {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'nas-search' });
  return { api: Comlink.wrap<SearchWorkerApi>(worker), terminate: () => worker.terminate() };
}

export { proxy, transfer } from 'comlink';
