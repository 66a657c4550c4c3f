import { knownLayout, remember, shapeOf, type DagLayout, type DagShape } from './dag-layout';
import type { ArchGraph } from '../../core/space/types';

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, { shape: DagShape; done: (layout: DagLayout | null) => void }>();

function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./dag-layout.worker.ts', import.meta.url), { type: 'module', name: 'dag layout' });
    worker.onmessage = (event: MessageEvent<{ id: number; layout: DagLayout }>) => {
      const job = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      job?.done(remember(job.shape, event.data.layout));
    };
    // A worker that fails leaves every graph to be laid out on the page, as before.
    worker.onerror = () => {
      worker = null;
      for (const job of waiting.values()) job.done(null);
      waiting.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/**
 * Resolves when the graph's layout is known (at once if it was), laid out in a worker: a search's
 * new architecture every epoch then costs the page nothing. Null where no worker could take it.
 */
export function layoutLater(graph: ArchGraph, cellLike: boolean): Promise<DagLayout | null> {
  const shape = shapeOf(graph, cellLike);
  const known = knownLayout(shape);
  if (known) return Promise.resolve(known);
  const w = typeof Worker === 'undefined' ? null : layoutWorker();
  if (!w) return Promise.resolve(null);
  return new Promise((done) => {
    const id = nextId++;
    waiting.set(id, { shape, done });
    w.postMessage({ id, shape });
  });
}
