/**
 * A chart's redraw in a task of its own, at most one pending per chart (the latest data wins).
 *
 * A batch of trials changes several charts and the table in one reactive flush; drawn inside it,
 * a thousand points in each made one main-thread task of hundreds of milliseconds. Each chart
 * queued as its own macrotask lets the browser paint and answer input between them, and a chart
 * that gets three batches before it draws draws once. A MessageChannel task runs before the next
 * frame (a timer can be clamped, an animation frame waits for one), so a chart is never a frame late.
 */
export interface LaterDraw<T> {
  (data: T): void;
  /** Draws what is pending now (a chart about to be read or destroyed). */
  flush(): void;
  cancel(): void;
}

const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
const queue: Array<() => void> = [];
if (channel) channel.port1.onmessage = () => queue.shift()?.();

/** Runs `job` in a task of its own after the current one. */
export function inOwnTask(job: () => void): void {
  if (!channel) return void setTimeout(job, 0);
  queue.push(job);
  channel.port2.postMessage(null);
}

export function drawLater<T>(draw: (data: T) => void): LaterDraw<T> {
  let pending: { data: T } | null = null;
  let queued = false;
  const run = (): void => {
    queued = false;
    const next = pending;
    pending = null;
    if (next) draw(next.data);
  };
  const later = ((data: T) => {
    pending = { data };
    if (queued) return;
    queued = true;
    inOwnTask(run);
  }) as LaterDraw<T>;
  later.flush = run;
  later.cancel = () => (pending = null);
  return later;
}

/** Marks one task sets on a chart: a thousand dots' attributes at once were a task of about 100 ms. */
export const MARKS_PER_TASK = 250;

/** Draws a chart's marks a slice at a time; a new drawing drops the slices the last one had still to come. */
export interface SlicedDraw {
  (count: number, draw: (from: number, to: number) => void): void;
  cancel(): void;
}

/** The first `size` marks at once, each next slice in a task of its own, so the page can answer between them. */
export function drawInSlices(size = MARKS_PER_TASK): SlicedDraw {
  let drawing = 0;
  const sliced = ((count: number, draw: (from: number, to: number) => void) => {
    const mine = ++drawing;
    const slice = (from: number): void => {
      if (mine !== drawing) return;
      const to = Math.min(from + size, count);
      draw(from, to);
      if (to < count) inOwnTask(() => slice(to));
    };
    slice(0);
  }) as SlicedDraw;
  sliced.cancel = () => void drawing++;
  return sliced;
}
