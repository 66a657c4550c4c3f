import { inOwnTask } from './draw-later';

/**
 * A reactive value that follows `read()` one task later, the latest value winning. A panel that
 * builds from it renders in a task of its own instead of inside the flush that applied the batch,
 * so a thousand trials arriving at once make several short tasks, not one long one. Call it while
 * a component initialises (it owns an effect).
 */
export function deferred<T>(read: () => T, initial: T): { readonly value: T } {
  let value = $state.raw(initial);
  let next: { value: T } | null = null;
  $effect(() => {
    const queued = next !== null;
    next = { value: read() };
    if (queued) return;
    inOwnTask(() => {
      if (next) value = next.value;
      next = null;
    });
  });
  return {
    get value() {
      return value;
    },
  };
}
