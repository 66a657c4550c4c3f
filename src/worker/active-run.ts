import { SearchControl } from '../engine/control';

/** The one search or comparison the worker runs at a time: a newer run replaces an older one, which stops at its next step. */
export class ActiveRun {
  private active: { runId: number; control: SearchControl } | null = null;

  begin(runId: number): SearchControl {
    this.active?.control.stop();
    const control = new SearchControl();
    this.active = { runId, control };
    return control;
  }

  end(runId: number): void {
    if (this.active?.runId === runId) this.active = null;
  }

  /** Whether a search or comparison is running now. */
  get busy(): boolean {
    return this.active !== null;
  }

  /** The control of this run, if it is the one running; messages for an earlier run are dropped. */
  control(runId: number): SearchControl | undefined {
    return this.active?.runId === runId ? this.active.control : undefined;
  }
}
