import { PlaygroundError } from '../core/errors';

/** How long the search may run before it lets queued messages (pause, stop) through. */
const YIELD_EVERY_MS = 30;

/**
 * A macrotask turn: awaiting a tensor's data resolves as a microtask, which never lets the
 * worker's message queue (or Node's timers) run, so control messages would wait for the end.
 */
function nextTurn(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Pause, resume and stop for a running search; checked between training steps. */
export class SearchControl {
  private stopped = false;
  private resumeWaiters: Array<() => void> = [];
  private paused = false;
  private lastTurn = 0;

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const wake of this.resumeWaiters.splice(0)) wake();
  }

  stop(): void {
    this.stopped = true;
    this.resume();
  }

  /** Waits while paused; throws a `cancelled` error once stopped. */
  async checkpoint(): Promise<void> {
    const now = performance.now();
    if (now - this.lastTurn >= YIELD_EVERY_MS) {
      await nextTurn();
      this.lastTurn = performance.now();
    }
    while (this.paused && !this.stopped) await new Promise<void>((wake) => this.resumeWaiters.push(wake));
    if (this.stopped) throw new PlaygroundError('cancelled', 'The search was stopped.');
  }
}
