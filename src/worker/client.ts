import * as Comlink from 'comlink';
import type { DataWorkerApi, SearchWorkerApi } from '../contracts/worker-api';
import { PlaygroundError } from '../core/errors';
import { keepPlaygroundErrors } from './errors-transfer';

keepPlaygroundErrors();

/**
 * The search worker as the page sees it: one stable API object whose calls go to the worker alive
 * now. A worker can die without a word (out of memory, a crash): it holds a Web Lock for its whole
 * life (worker/alive.ts), and the page's request for that lock is granted when it is gone. Then
 * every call still in flight rejects with a 'worker-lost' error instead of hanging forever, a fresh
 * worker takes its place, and the listeners are told, so the page can say so and offer to resume.
 */
export interface WorkerHost<Api> {
  readonly api: Comlink.Remote<Api>;
  /** Called after each death, once a fresh worker has replaced the dead one; returns an unsubscribe. */
  onLost(listener: (reason: string) => void): () => void;
  terminate(): void;
}

export type SearchWorkerHost = WorkerHost<SearchWorkerApi>;
export type DataWorkerHost = WorkerHost<DataWorkerApi>;

/** Every worker the page starts answers `alive()` once it holds its life lock. */
interface Living {
  alive(): Promise<void>;
}

interface Spawned<Api> {
  api: Comlink.Remote<Api>;
  /** Resolves with the reason when this worker is gone. */
  dead: Promise<string>;
  alive: Promise<void>;
  worker: Worker;
}

/** Workers that died before they ever answered, in a row: beyond this, starting another would only fail again. */
const MAX_FAILED_STARTS = 2;
let spawned = 0;

function spawn<Api extends Living>(start: (name: string) => Worker, kind: string): Spawned<Api> {
  // Lock names are per origin: unique across this page's workers and other tabs.
  const name = `nas-${kind}-${Date.now().toString(36)}-${++spawned}-${Math.random().toString(36).slice(2, 8)}`;
  const worker = start(name);
  const api = Comlink.wrap<Api>(worker);
  let lose!: (reason: string) => void;
  const dead = new Promise<string>((resolve) => (lose = resolve));
  const alive = (api as unknown as Living).alive();
  let answered = false;
  void alive.then(() => {
    answered = true;
    void navigator.locks?.request(name, () => lose('it stopped without a word, which is what running out of memory or a crash looks like'));
  });
  // Before its first answer, an error is a worker that could not even start (its script failed to load).
  worker.addEventListener('error', (e) => {
    if (!answered) lose(`it could not start (${(e as ErrorEvent).message || 'its script failed to load'})`);
  });
  worker.addEventListener('messageerror', () => lose('a message from it could not be read'));
  return { api, dead, alive, worker };
}

/** The worker that trains: the search, comparisons, kept runs. */
export function createSearchWorker(): SearchWorkerHost {
  return host<SearchWorkerApi>((name) => new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name }), 'search', 'search worker');
}

/** The worker that reads data for the page's previews, so a slow preview never holds up Start or Stop. */
export function createDataWorker(): DataWorkerHost {
  return host<DataWorkerApi>((name) => new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name }), 'data', 'data worker');
}

function host<Api extends Living>(start: (name: string) => Worker, kind: string, title: string): WorkerHost<Api> {
  const listeners = new Set<(reason: string) => void>();
  const respawn = () => spawn<Api>(start, kind);
  let current = respawn();
  let closed = false;
  let failedStarts = 0;
  const watch = (w: Spawned<Api>) => {
    void w.alive.then(() => (failedStarts = 0));
    void w.dead.then((reason) => {
      if (closed || w !== current) return;
      w.worker.terminate();
      if (++failedStarts > MAX_FAILED_STARTS) return;
      current = respawn();
      watch(current);
      for (const listener of listeners) listener(reason);
    });
  };
  watch(current);

  const api = new Proxy({} as Comlink.Remote<Api>, {
    get(_, method) {
      // Not a thenable: the host's API may be awaited or returned from an async function.
      if (method === 'then' || typeof method === 'symbol') return undefined;
      return (...args: unknown[]) => {
        const w = current;
        const call = (w.api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!(...args);
        const lost = w.dead.then((reason) => {
          throw new PlaygroundError(
            'worker-lost',
            `The ${title} stopped: ${reason}.`,
            kind === 'search'
              ? 'Finished trials are kept on this device: press "Resume it" to go on from them, or Start to begin again.'
              : 'A fresh one has taken its place; change a setting to read the data again.',
          );
        });
        return Promise.race([call, lost]);
      };
    },
  });

  return {
    api,
    onLost(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    terminate() {
      closed = true;
      current.worker.terminate();
    },
  };
}

export { proxy, transfer } from 'comlink';
