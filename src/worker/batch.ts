import type { RunEvent } from '../contracts/events';

/** How often, at most, the worker posts progress to the page. */
export const FLUSH_EVERY_MS = 100;
/**
 * The most events one message carries. A thousand table lookups finish inside one interval; sent as
 * one message, the page spent one task over 50 ms taking them in (cloning, reducing, rendering). In
 * messages of this size each is its own task on the page, and the page stays responsive between them.
 */
export const MAX_EVENTS_PER_MESSAGE = 200;

/**
 * Collects engine events and hands them on in batches, at most every `intervalMs`: a table lookup
 * makes hundreds of trials a second, and one message and one render per trial would swamp the page.
 * Lifecycle events (start, done, error) and a step (the search waits on it) go out at once with whatever is pending.
 */
export function createEventBatcher(send: (events: RunEvent[]) => void, intervalMs = FLUSH_EVERY_MS) {
  let pending: RunEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    for (let at = 0; at < batch.length; at += MAX_EVENTS_PER_MESSAGE) send(batch.slice(at, at + MAX_EVENTS_PER_MESSAGE));
  };
  return {
    push(event: RunEvent): void {
      pending.push(event);
      if (event.type === 'start' || event.type === 'done' || event.type === 'error') flush();
      else timer ??= setTimeout(flush, intervalMs);
    },
    flush,
  };
}
