import { PlaygroundError } from '../core/errors';

/** Pause, resume and stop for a running search; checked between training steps. */
export class SearchControl {
  private stopped = false;
  private resumeWaiters: Array<() => void> = [];
  private paused = false;

  get isPaused(): boolean {
    return this.paused;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

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
    while (this.paused && !this.stopped) await new Promise<void>((wake) => this.resumeWaiters.push(wake));
    if (this.stopped) throw new PlaygroundError('cancelled', 'The search was stopped.');
  }
}
