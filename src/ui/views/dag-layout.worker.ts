/// <reference lib="webworker" />
import { layOut, type DagShape } from './dag-layout';

/** dagre off the page's main thread: a new shape while a search runs is laid out here. */
self.onmessage = (event: MessageEvent<{ id: number; shape: DagShape }>) => {
  self.postMessage({ id: event.data.id, layout: layOut(event.data.shape) });
};
